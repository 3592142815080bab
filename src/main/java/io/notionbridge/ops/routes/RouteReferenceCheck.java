package io.notionbridge.ops.routes;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * What route files refer to by name must exist in the runtime:
 * <ul>
 * <li>beans: {@code bean: {ref: X}}, {@code method: {ref: X}}, any EIP option that Camel's model says is looked up in
 * the registry ({@code aggregationStrategy: X}, {@code idempotentRepository: X}, {@code circuitBreaker: X} in
 * {@code resilience4jConfiguration}, {@code ...Ref} options), and {@code #bean:X} / {@code #X} endpoint options, in
 * {@code parameters} or in a uri;</li>
 * <li>configuration keys: every {@code {{key}}} placeholder, unless it has a default ({@code {{key:default}}}), is
 * optional ({@code {{?key}}}) or is a function ({@code {{env:NAME}}}, {@code {{sys:name}}}, ...).</li>
 * </ul>
 * Beans declared in a route file's own {@code beans:} count as existing.
 */
public final class RouteReferenceCheck {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.+?)}}");
    /** Registry references Camel also accepts as a thread pool profile id, so not necessarily a bean. */
    private static final Set<String> NOT_BEAN_TYPES = Set.of("java.util.concurrent.ExecutorService",
            "java.util.concurrent.ScheduledExecutorService", "java.util.Map", "byte[]");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Optional<JsonNode>> MODELS = new ConcurrentHashMap<>();

    private RouteReferenceCheck() {
    }

    /** The bean names the files declare in their own {@code beans:} sections. */
    public static Set<String> declaredBeans(List<RouteFile> files) {
        Set<String> names = new TreeSet<>();
        for (RouteFile f : files) {
            for (Node doc : f.documents()) {
                for (NodeTuple top : YamlNodes.topLevel(doc)) {
                    if ("beans".equals(YamlNodes.key(top))) {
                        for (Node bean : YamlNodes.items(top.getValueNode())) {
                            YamlNodes.get(bean, "name").flatMap(YamlNodes::scalar).ifPresent(names::add);
                        }
                    }
                }
            }
        }
        return names;
    }

    public static List<RouteProblem> check(RouteFile file, RuntimeNames runtime, Set<String> declared) {
        List<RouteProblem> problems = new ArrayList<>();
        for (Node doc : file.documents()) {
            for (NodeTuple top : YamlNodes.topLevel(doc)) {
                if (!"beans".equals(YamlNodes.key(top))) {
                    walk(file, YamlNodes.key(top), top.getValueNode(), runtime, declared, problems);
                }
                placeholders(file, top.getValueNode(), runtime, problems);
            }
        }
        return problems;
    }

    private static void walk(RouteFile file, String eip, Node node, RuntimeNames runtime, Set<String> declared,
                             List<RouteProblem> problems) {
        for (NodeTuple t : YamlNodes.entries(node)) {
            String key = YamlNodes.key(t);
            Node value = t.getValueNode();
            if (value instanceof ScalarNode s) {
                if (isReference(eip, key)) {
                    bean(file, value, eip + "." + key, s.getValue(), runtime, declared, problems);
                }
                if (key.equals("uri")) {
                    int q = s.getValue().indexOf('?');
                    if (q >= 0) {
                        for (String option : s.getValue().substring(q + 1).split("&")) {
                            int eq = option.indexOf('=');
                            if (eq > 0) {
                                endpointOption(file, value, option.substring(0, eq), option.substring(eq + 1), runtime, declared,
                                        problems);
                            }
                        }
                    }
                }
            } else if (key.equals("parameters")) {
                for (NodeTuple option : YamlNodes.entries(value)) {
                    YamlNodes.scalar(option.getValueNode()).ifPresent(v -> endpointOption(file, option.getValueNode(),
                            YamlNodes.key(option), v, runtime, declared, problems));
                }
            } else if (!CanonicalNotationCheck.FREE_FORM.contains(key)) {
                walk(file, key, value, runtime, declared, problems);
            }
        }
        for (Node item : YamlNodes.items(node)) {
            walk(file, eip, item, runtime, declared, problems);
        }
    }

    private static void endpointOption(RouteFile file, Node at, String option, String value, RuntimeNames runtime,
                                       Set<String> declared, List<RouteProblem> problems) {
        if (!value.startsWith("#") || value.startsWith("#class:") || value.startsWith("#type:") || value.startsWith("#valueAs")
                || value.startsWith("#property:")) {
            return;
        }
        String name = value.startsWith("#bean:") ? value.substring("#bean:".length()) : value.substring(1);
        bean(file, at, "endpoint option " + option, name, runtime, declared, problems);
    }

    private static void bean(RouteFile file, Node at, String where, String ref, RuntimeNames runtime, Set<String> declared,
                             List<RouteProblem> problems) {
        if (ref.isBlank() || ref.contains("{{") || ref.contains("${") || ref.startsWith("#class:") || ref.startsWith("#type:")) {
            return;
        }
        for (String one : ref.split(",")) {
            String name = one.trim();
            if (name.startsWith("#bean:")) {
                name = name.substring("#bean:".length());
            } else if (name.startsWith("#")) {
                name = name.substring(1);
            }
            if (!name.isEmpty() && !runtime.hasBean(name) && !declared.contains(name)) {
                problems.add(file.problem(at, "unknown bean '" + name + "' (" + where + "); the runtime binds no bean of that name"
                        + closest(name, runtime.beans())));
            }
        }
    }

    /** Whether option {@code key} of EIP {@code eip} names a bean, as Camel's model describes the EIP. */
    static boolean isReference(String eip, String key) {
        if (key.equals("ref")) {
            return !eip.equals("routeConfigurationContextRef") && !eip.equals("routeContextRef") && !eip.equals("restContextRef")
                    && !eip.equals("routeTemplateContextRef");
        }
        JsonNode property = model(eip).map(m -> m.path("properties").path(key)).orElse(null);
        if (property == null || property.isMissingNode() || !"attribute".equals(property.path("kind").asText())) {
            return false;
        }
        String type = property.path("type").asText();
        String javaType = property.path("javaType").asText();
        if (type.equals("object")) {
            return !NOT_BEAN_TYPES.contains(javaType);
        }
        String description = property.path("description").asText();
        return type.equals("string") && (key.endsWith("Ref") && !javaType.equals("java.lang.Class")
                || description.startsWith("Refers to an existing"));
    }

    /** Camel's model description of an EIP, language or error handler, from camel-core-model. */
    static Optional<JsonNode> model(String name) {
        return MODELS.computeIfAbsent(name, n -> {
            for (String folder : new String[] {"", "language/", "errorhandler/", "loadbalancer/", "dataformat/"}) {
                String resource = "META-INF/org/apache/camel/model/" + folder + n + ".json";
                try (InputStream in = RouteReferenceCheck.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in != null) {
                        return Optional.of(JSON.readTree(in));
                    }
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        });
    }

    private static void placeholders(RouteFile file, Node node, RuntimeNames runtime, List<RouteProblem> problems) {
        if (node instanceof ScalarNode s) {
            Matcher m = PLACEHOLDER.matcher(s.getValue());
            while (m.find()) {
                String inner = m.group(1).trim();
                if (inner.startsWith("?")) {
                    continue;
                }
                int colon = inner.indexOf(':');
                if (colon >= 0) {
                    continue; // {{key:default}} or a function such as {{env:NAME}}: resolvable without the key
                }
                if (!runtime.hasProperty(inner)) {
                    problems.add(file.problem(node, "unknown configuration key '" + inner + "' in {{" + inner + "}}: it is in "
                            + "no application*.properties (add it there with a comment, or write {{" + inner + ":default}})"));
                }
            }
            return;
        }
        for (NodeTuple t : YamlNodes.entries(node)) {
            placeholders(file, t.getKeyNode(), runtime, problems);
            placeholders(file, t.getValueNode(), runtime, problems);
        }
        for (Node item : YamlNodes.items(node)) {
            placeholders(file, item, runtime, problems);
        }
    }

    private static String closest(String name, Set<String> beans) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String b : beans) {
            int d = CamelSchemaCheck.distance(name.toLowerCase(), b.toLowerCase());
            if (d < bestDistance) {
                bestDistance = d;
                best = b;
            }
        }
        return best != null && bestDistance <= Math.max(2, name.length() / 4) ? " (did you mean '" + best + "'?)" : "";
    }
}
