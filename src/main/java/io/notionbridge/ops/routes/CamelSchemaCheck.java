package io.notionbridge.ops.routes;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;

/**
 * Validates route files against the Camel YAML DSL JSON schema that ships in {@code camel-yaml-dsl}
 * ({@code schema/camelYamlDsl.json}, draft-04), with networknt's json-schema-validator, and turns its findings into a
 * few readable problems: the schema's {@code oneOf}/{@code anyOf} alternatives produce dozens of raw errors for one
 * typo, so only the deepest location of each is kept, alternatives are summarised, and unknown keys get a "did you
 * mean". Scalar type differences Camel converts itself ({@code autoStartup: "{{flag}}"}, {@code period: 500} where
 * the schema says string) are not problems.
 */
public final class CamelSchemaCheck {

    static final String RESOURCE = "schema/camelYamlDsl.json";
    private static final Set<String> ALTERNATIVES = Set.of("oneOf", "anyOf", "not");

    private final JsonNode root;
    private final Schema schema;

    private CamelSchemaCheck(JsonNode root, Schema schema) {
        this.root = root;
        this.schema = schema;
    }

    /** Loads the schema of the Camel version on the classpath. */
    public static CamelSchemaCheck load() {
        try (InputStream in = CamelSchemaCheck.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (it ships in camel-yaml-dsl)");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            // draft-04, plus the schema's own annotation keyword "deprecated" (validates nothing)
            Dialect dialect = Dialect.builder(Dialects.getDraft4()).keyword(new NonValidationKeyword("deprecated")).build();
            Schema schema = SchemaRegistry.withDefaultDialect(dialect).getSchema(root);
            return new CamelSchemaCheck(root, schema);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private record Found(String pointer, Error error) {
        String keyword() {
            return error.getKeyword();
        }
    }

    public List<RouteProblem> check(RouteFile file) {
        List<RouteProblem> problems = new ArrayList<>();
        for (int doc = 0; doc < file.json().size(); doc++) {
            List<Found> kept = new ArrayList<>();
            Set<String> tolerated = new LinkedHashSet<>();
            for (Error e : schema.validate(file.json().get(doc))) {
                Found f = new Found(pointer(e.getInstanceLocation()), e);
                if (convertible(e)) {
                    tolerated.add(f.pointer());
                } else {
                    kept.add(f);
                }
            }
            Set<String> all = new LinkedHashSet<>(tolerated);
            kept.forEach(f -> all.add(f.pointer()));
            // keep only the deepest locations: errors above them are the alternatives that led there
            kept.removeIf(f -> all.stream().anyMatch(p -> p.startsWith(f.pointer() + "/")));
            Map<String, List<Found>> byPointer = new LinkedHashMap<>();
            kept.forEach(f -> byPointer.computeIfAbsent(f.pointer(), k -> new ArrayList<>()).add(f));
            for (var group : byPointer.entrySet()) {
                summarise(file, doc, group.getKey(), group.getValue(), tolerated.contains(group.getKey()), problems);
            }
        }
        return problems;
    }

    private void summarise(RouteFile file, int doc, String pointer, List<Found> errors, boolean tolerated,
                           List<RouteProblem> problems) {
        List<Found> specific = errors.stream().filter(f -> !ALTERNATIVES.contains(f.keyword()) && !f.keyword().equals("type")).toList();
        List<Found> types = errors.stream().filter(f -> f.keyword().equals("type")).toList();
        String where = readable(pointer);
        if (specific.isEmpty() && types.isEmpty()) {
            if (!tolerated) {
                problems.add(file.problem(file.line(doc, pointer), "schema: " + where + " matches none of the forms Camel "
                        + "allows here (" + errors.get(0).error().getMessage() + ")"));
            }
            return;
        }
        if (specific.isEmpty()) {
            Found t = types.get(0);
            Object[] args = t.error().getArguments();
            problems.add(file.problem(file.line(doc, pointer), "schema: " + where + " must be "
                    + (args != null && args.length > 1 ? args[1] : "another type") + ", not " + (args != null && args.length > 0
                    ? args[0] : "this")));
            return;
        }
        Set<String> unknown = new TreeSet<>();
        Map<String, Set<String>> requiredByBranch = new LinkedHashMap<>();
        for (Found f : specific) {
            Error e = f.error();
            switch (f.keyword()) {
                case "additionalProperties" -> {
                    if (unknown.add(e.getProperty())) {
                        problems.add(file.problem(file.line(doc, pointer + "/" + RouteFile.escape(e.getProperty())), "schema: "
                                + "unknown key '" + e.getProperty() + "' in " + where + suggestion(e)));
                    }
                }
                case "required" -> {
                    String branch = e.getEvaluationPath().toString();
                    requiredByBranch.computeIfAbsent(branch, k -> new LinkedHashSet<>()).add(e.getProperty());
                }
                case "enum" -> problems.add(file.problem(file.line(doc, pointer), "schema: " + where + " is "
                        + e.getInstanceNode() + "; allowed: " + join(e.getSchemaNode())));
                default -> problems.add(file.problem(file.line(doc, pointer), "schema: " + where + ": " + e.getMessage()));
            }
        }
        if (requiredByBranch.size() == 1) {
            Set<String> keys = requiredByBranch.values().iterator().next();
            problems.add(file.problem(file.line(doc, pointer), "schema: " + where + " needs " + quoted(keys)));
        } else if (requiredByBranch.size() > 1) {
            Set<String> any = new LinkedHashSet<>();
            requiredByBranch.values().forEach(any::addAll);
            problems.add(file.problem(file.line(doc, pointer), "schema: " + where + " needs one of " + quoted(any)));
        }
    }

    /** A scalar the schema types differently but Camel converts: anything to string, true/false, numbers, placeholders. */
    static boolean convertible(Error e) {
        if (!"type".equals(e.getKeyword()) || e.getInstanceNode() == null || !e.getInstanceNode().isValueNode()) {
            return false;
        }
        JsonNode value = e.getInstanceNode();
        JsonNode expected = e.getSchemaNode();
        List<String> types = new ArrayList<>();
        if (expected != null && expected.isArray()) {
            expected.forEach(t -> types.add(t.asText()));
        } else if (expected != null) {
            types.add(expected.asText());
        }
        String text = value.asText();
        for (String t : types) {
            switch (t) {
                case "string":
                    return true;
                case "boolean":
                    if (value.isBoolean() || text.equals("true") || text.equals("false") || text.contains("{{")) {
                        return true;
                    }
                    break;
                case "integer":
                case "number":
                    if (value.isNumber() || text.contains("{{") || text.matches("-?\\d+(\\.\\d+)?")) {
                        return true;
                    }
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    /** " (did you mean 'x'?)" when an allowed key is within two edits of the unknown one. */
    private String suggestion(Error e) {
        String location = e.getSchemaLocation().toString();
        int hash = location.indexOf('#');
        if (hash < 0 || !location.endsWith("/additionalProperties")) {
            return "";
        }
        String parent = location.substring(hash + 1, location.length() - "/additionalProperties".length());
        JsonNode properties = root.at(JsonPointer.compile(parent)).path("properties");
        String unknown = e.getProperty();
        List<String> close = new ArrayList<>();
        properties.fieldNames().forEachRemaining(name -> {
            if (distance(unknown.toLowerCase(), name.toLowerCase()) <= Math.min(2, Math.max(1, unknown.length() / 3))) {
                close.add(name);
            }
        });
        close.sort(Comparator.comparingInt(n -> distance(unknown, n)));
        return close.isEmpty() ? "" : " (did you mean '" + close.get(0) + "'?)";
    }

    /** Edits (insert, delete, replace, swap two neighbours) from {@code a} to {@code b}: "lgo" is one from "log". */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    static String pointer(NodePath path) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object el = path.getElement(i);
            b.append('/').append(el instanceof Integer ? el.toString() : RouteFile.escape(String.valueOf(el)));
        }
        return b.toString();
    }

    /** /0/route/from/steps/1/setHeader → route.from.steps[1].setHeader */
    static String readable(String pointer) {
        StringBuilder b = new StringBuilder();
        String[] parts = pointer.split("/");
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].replace("~1", "/").replace("~0", "~");
            if (p.matches("\\d+")) {
                if (i > 1) {
                    b.append('[').append(p).append(']');
                }
            } else {
                b.append(b.length() == 0 ? "" : ".").append(p);
            }
        }
        return b.length() == 0 ? "a top-level entry" : b.toString();
    }

    private static String quoted(Set<String> keys) {
        List<String> q = keys.stream().map(k -> "'" + k + "'").toList();
        if (q.size() > 8) {
            return String.join(", ", q.subList(0, 8)) + " (or " + (q.size() - 8) + " more)";
        }
        return String.join(", ", q);
    }

    private static String join(JsonNode values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            values.forEach(v -> out.add(v.asText()));
        }
        return String.join(", ", out);
    }
}
