package io.notionbridge.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The route files ops edit: one flow per {@code routes/<flow>.camel.yaml}, canonical YAML DSL (no compact
 * {@code log: "..."}, {@code simple: "..."} or top-level {@code from}), an id on every route, and error handling only
 * in route configurations.
 */
class RouteFilesTest {

    private static List<Path> routeFiles() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("routes"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".camel.yaml")).sorted().toList();
        }
    }

    private static Object yaml(Path f) throws IOException {
        return new Load(LoadSettings.builder().build()).loadFromString(Files.readString(f));
    }

    @Test
    void everyTopLevelRouteHasAnIdAndNoCompactFrom() throws IOException {
        assertThat(routeFiles()).isNotEmpty();
        for (Path f : routeFiles()) {
            List<?> doc = (List<?>) yaml(f);
            assertThat(doc).as("%s is a YAML list", f).isNotNull();
            for (Object item : doc) {
                Map<?, ?> m = (Map<?, ?>) item;
                assertThat(m.keySet()).as("%s: top-level entries", f)
                        .allMatch(k -> List.of("route", "routeConfiguration", "beans", "routeTemplate", "rest").contains(k));
                for (String kind : List.of("route", "routeConfiguration")) {
                    if (m.containsKey(kind)) {
                        Map<?, ?> r = (Map<?, ?>) m.get(kind);
                        assertThat(r.get("id")).as("%s: a %s without id", f, kind).isNotNull();
                    }
                }
                if (m.containsKey("route")) {
                    assertThat(((Map<?, ?>) m.get("route")).containsKey("onException"))
                            .as("%s: error handling belongs in a routeConfiguration", f).isFalse();
                }
            }
        }
    }

    @Test
    void stepsUseTheCanonicalNotation() throws IOException {
        for (Path f : routeFiles()) {
            List<String> problems = new ArrayList<>();
            walk(yaml(f), "", problems);
            assertThat(problems).as("compact notation in %s", f).isEmpty();
        }
    }

    private static void walk(Object node, String path, List<String> problems) {
        if (node instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                Object v = e.getValue();
                if (List.of("log", "simple", "constant", "header", "jsonpath").contains(key) && v instanceof String) {
                    problems.add(path + "/" + key + ": \"" + v + "\" (write " + key + ": {…})");
                }
                if (List.of("setBody", "setHeader", "setProperty", "filter", "split", "transform").contains(key)
                        && v instanceof Map<?, ?> inner && (inner.containsKey("simple") || inner.containsKey("constant"))) {
                    problems.add(path + "/" + key + ": expression given directly (wrap it in expression: {…})");
                }
                walk(v, path + "/" + key, problems);
            }
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                walk(l.get(i), path + "[" + i + "]", problems);
            }
        }
    }
}
