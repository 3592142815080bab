package io.notionbridge.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.notionbridge.ops.routes.CanonicalNotationCheck;
import io.notionbridge.ops.routes.RouteFile;
import io.notionbridge.ops.routes.RouteStructureCheck;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The route files ops edit: one flow per {@code routes/<flow>.camel.yaml}, canonical YAML DSL (no compact
 * {@code log: "..."}, {@code simple: "..."} or top-level {@code from}), an id on every route, and error handling only
 * in route configurations. The checks are the ones {@code routes validate} runs ({@link CanonicalNotationCheck},
 * {@link RouteStructureCheck}); {@code RoutesValidatorTest} runs all of them, schema and references included.
 */
class RouteFilesTest {

    private static List<RouteFile> routeFiles() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("routes"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".camel.yaml")).sorted()
                    .map(p -> RouteFile.read(p, p.toString())).toList();
        }
    }

    @Test
    void everyRouteHasAUniqueIdAndErrorHandlingStaysInRouteConfigurations() throws IOException {
        List<RouteFile> files = routeFiles();
        assertThat(files).isNotEmpty();
        for (RouteFile f : files) {
            assertThat(f.syntaxError()).as("%s is valid YAML", f.name()).isEmpty();
            assertThat(f.documents()).as("%s holds one YAML list", f.name()).hasSize(1);
            for (var item : ((SequenceNode) f.documents().get(0)).getValue()) {
                assertThat(item).isInstanceOf(MappingNode.class);
                Set<String> keys = ((MappingNode) item).getValue().stream()
                        .map(t -> ((ScalarNode) t.getKeyNode()).getValue()).collect(Collectors.toSet());
                assertThat(keys).as("%s: top-level entries", f.name())
                        .allMatch(k -> List.of("route", "routeConfiguration", "beans", "routeTemplate", "rest").contains(k));
            }
        }
        Set<String> names = files.stream().map(RouteFile::name).collect(Collectors.toSet());
        assertThat(RouteStructureCheck.check(files, names)).isEmpty();
    }

    @Test
    void stepsUseTheCanonicalNotation() throws IOException {
        for (RouteFile f : routeFiles()) {
            assertThat(CanonicalNotationCheck.check(f)).as("compact notation in %s", f.name()).isEmpty();
        }
    }
}
