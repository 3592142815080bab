package io.notionbridge.ops.routes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * What holds across the route files: every route and route configuration has an id; ids are unique (route ids and
 * step ids share one namespace, as Camel checks at start; route configurations have their own); every
 * {@code routeConfigurationId} names a route configuration; error handling stays in route configurations; and a
 * timer only runs on the cluster leader (a {@code master:} endpoint), never on every instance.
 */
public final class RouteStructureCheck {

    /** Top-level entries that hold error handling, which belongs in a route configuration. */
    static final Set<String> ERROR_HANDLING = Set.of("onException", "errorHandler", "onCompletion", "intercept", "interceptFrom",
            "interceptSendToEndpoint");

    private record Where(RouteFile file, Node node) {
        String at() {
            return file.name() + ":" + YamlNodes.line(node);
        }
    }

    private RouteStructureCheck() {
    }

    /** Checks {@code files} together; problems are reported only for the files named in {@code report}. */
    public static List<RouteProblem> check(List<RouteFile> files, Set<String> report) {
        List<RouteProblem> problems = new ArrayList<>();
        Map<String, List<Where>> routeIds = new LinkedHashMap<>();
        Map<String, List<Where>> configIds = new LinkedHashMap<>();
        List<Where> configRefs = new ArrayList<>();
        Set<String> configs = new TreeSet<>();
        for (RouteFile f : files) {
            for (Node doc : f.documents()) {
                for (NodeTuple top : YamlNodes.topLevel(doc)) {
                    String kind = YamlNodes.key(top);
                    Node body = top.getValueNode();
                    if (ERROR_HANDLING.contains(kind)) {
                        problems.add(f.problem(top.getKeyNode(), "top-level " + kind + ": error handling belongs in a "
                                + "routeConfiguration (routes/errors.camel.yaml), chosen by routeConfigurationId"));
                    }
                    if (!kind.equals("route") && !kind.equals("routeConfiguration")) {
                        continue;
                    }
                    Map<String, List<Where>> ids = kind.equals("route") ? routeIds : configIds;
                    var id = YamlNodes.entry(body, "id");
                    if (id.isEmpty() || YamlNodes.scalar(id.get().getValueNode()).filter(s -> !s.isBlank()).isEmpty()) {
                        problems.add(f.problem(top.getKeyNode(), "a " + kind + " without an id; give it one (tests, metrics "
                                + "and JMX find it by id)"));
                    }
                    collectIds(f, body, ids);
                    if (kind.equals("routeConfiguration")) {
                        id.flatMap(t -> YamlNodes.scalar(t.getValueNode())).ifPresent(configs::add);
                    }
                    if (kind.equals("route")) {
                        YamlNodes.entry(body, "onException").or(() -> YamlNodes.entry(body, "errorHandler")).ifPresent(t ->
                                problems.add(f.problem(t.getKeyNode(), "error handling belongs in a routeConfiguration "
                                        + "(routes/errors.camel.yaml), chosen by routeConfigurationId")));
                        YamlNodes.get(body, "routeConfigurationId").ifPresent(n -> configRefs.add(new Where(f, n)));
                        YamlNodes.get(body, "from").flatMap(from -> YamlNodes.get(from, "uri")).ifPresent(uri ->
                                YamlNodes.scalar(uri).filter(RouteStructureCheck::unelectedTimer).ifPresent(u ->
                                        problems.add(f.problem(uri, "'" + u + "' fires on every instance; write it "
                                                + "master:{{bridge.cluster.namespace}}:" + u + " so that it runs on the "
                                                + "cluster leader only (docs/reliability.md)"))));
                    }
                }
            }
        }
        duplicates(routeIds, "id", problems);
        duplicates(configIds, "route configuration id", problems);
        for (Where ref : configRefs) {
            for (String name : YamlNodes.scalar(ref.node()).orElse("").split(",")) {
                String n = name.trim();
                if (!n.isEmpty() && !n.contains("*") && !n.contains("{{") && !configs.contains(n)) {
                    problems.add(ref.file().problem(ref.node(), "routeConfigurationId: no route configuration '" + n
                            + "' (there are: " + String.join(", ", configs) + ")"));
                }
            }
        }
        problems.removeIf(p -> !report.contains(p.file()));
        return problems;
    }

    /** A timer or scheduler consumer outside a {@code master:} endpoint. */
    static boolean unelectedTimer(String uri) {
        return uri.startsWith("timer:") || uri.startsWith("scheduler:") || uri.startsWith("quartz:") || uri.startsWith("cron:");
    }

    /** Every {@code id} in a route or route configuration: its own and its steps'. */
    private static void collectIds(RouteFile f, Node node, Map<String, List<Where>> ids) {
        for (NodeTuple t : YamlNodes.entries(node)) {
            String k = YamlNodes.key(t);
            if (k.equals("id")) {
                YamlNodes.scalar(t.getValueNode()).filter(s -> !s.isBlank())
                        .ifPresent(id -> ids.computeIfAbsent(id, x -> new ArrayList<>()).add(new Where(f, t.getValueNode())));
            } else if (!CanonicalNotationCheck.FREE_FORM.contains(k)) {
                collectIds(f, t.getValueNode(), ids);
            }
        }
        for (Node item : YamlNodes.items(node)) {
            collectIds(f, item, ids);
        }
    }

    private static void duplicates(Map<String, List<Where>> ids, String what, List<RouteProblem> problems) {
        ids.forEach((id, places) -> {
            if (places.size() < 2) {
                return;
            }
            for (Where w : places) {
                List<String> others = places.stream().filter(o -> o != w).map(Where::at).toList();
                problems.add(w.file().problem(w.node(), "duplicate " + what + " '" + id + "' (also at " + String.join(", ", others)
                        + ")"));
            }
        });
    }
}
