package io.notionbridge.sandbox.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/** The {@code /v1} endpoints by template ({@code PATCH /v1/pages/{id}}), to name requests in the log and counters. */
final class EndpointCatalog {

    private record Entry(String method, Pattern pattern, String name) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    /** Registers a Vert.x path like {@code /v1/pages/:id} and returns its name, {@code GET /v1/pages/{id}}. */
    String add(String method, String vertxPath) {
        String template = vertxPath.replaceAll(":([A-Za-z_]+)", "{$1}");
        Pattern p = Pattern.compile(vertxPath.replaceAll(":[A-Za-z_]+", "[^/]+"));
        String name = method + " " + template;
        entries.add(new Entry(method, p, name));
        return name;
    }

    /** The endpoint name for a request, or {@code "METHOD (unknown endpoint)"}. */
    String name(String method, String path) {
        for (Entry e : entries) {
            if (e.method().equals(method) && e.pattern().matcher(path).matches()) {
                return e.name();
            }
        }
        return method + " (unknown endpoint)";
    }
}
