package io.notionbridge.ops.routes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * {@code routes validate}: checks edited route files before a restart. Each file: YAML syntax, the Camel YAML DSL
 * schema, canonical notation, bean references and configuration placeholders. Across the files (the edited ones
 * and the rest of the routes folder): ids present and unique, route configurations that exist, error handling in
 * route configurations.
 */
public final class RoutesValidator {

    /** What a validation found in the files it reported on. */
    public record Result(List<RouteProblem> problems, int files, int routes, int routeConfigurations) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private final CamelSchemaCheck schema;
    private final RuntimeNames runtime;

    public RoutesValidator(CamelSchemaCheck schema, RuntimeNames runtime) {
        this.schema = schema;
        this.runtime = runtime;
    }

    /**
     * Validates {@code targets}; {@code others} are the rest of the routes the runtime would load with them (for ids
     * and route configurations), not reported on. A target replaces the other file of the same file name, so an edited
     * copy of {@code routes/x.camel.yaml} kept elsewhere is checked as the file it will replace.
     */
    public Result validate(List<RouteFile> targets, List<RouteFile> others) {
        Map<String, RouteFile> all = new LinkedHashMap<>();
        for (RouteFile f : others) {
            all.put(f.path().getFileName().toString(), f);
        }
        for (RouteFile f : targets) {
            all.put(f.path().getFileName().toString(), f);
        }
        List<RouteFile> together = new ArrayList<>(all.values());
        Set<String> declared = RouteReferenceCheck.declaredBeans(together);
        List<RouteProblem> problems = new ArrayList<>();
        int routes = 0;
        int configurations = 0;
        for (RouteFile f : targets) {
            if (f.syntaxError().isPresent()) {
                problems.add(f.syntaxError().get());
                continue;
            }
            problems.addAll(schema.check(f));
            problems.addAll(CanonicalNotationCheck.check(f));
            problems.addAll(RouteReferenceCheck.check(f, runtime, declared));
            for (Node doc : f.documents()) {
                for (NodeTuple top : YamlNodes.topLevel(doc)) {
                    routes += "route".equals(YamlNodes.key(top)) ? 1 : 0;
                    configurations += "routeConfiguration".equals(YamlNodes.key(top)) ? 1 : 0;
                }
            }
        }
        Set<String> reported = targets.stream().map(RouteFile::name).collect(Collectors.toCollection(TreeSet::new));
        problems.addAll(RouteStructureCheck.check(together.stream().filter(f -> f.syntaxError().isEmpty()).toList(), reported));
        List<RouteProblem> sorted = problems.stream().distinct().sorted().toList();
        return new Result(sorted, targets.size(), routes, configurations);
    }
}
