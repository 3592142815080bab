package io.notionbridge.ops.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The project's route files are written in Camel's canonical YAML DSL (see docs/development.md), the form tools and
 * the canonical schema read. This finds the compact forms Camel also accepts:
 * <ul>
 * <li>a top-level {@code - from:} instead of {@code - route: {id: …, from: …}};</li>
 * <li>a step given as a string ({@code - log: "hi"}, {@code - to: direct:x}) instead of an object;</li>
 * <li>a language given as a string ({@code simple: "${body}"}) instead of {@code simple: {expression: …}};</li>
 * <li>an expression given straight to an EIP ({@code setBody: {simple: …}}) instead of inside {@code expression:};</li>
 * <li>endpoint options in a {@code from}/{@code to} uri ({@code timer:x?period=5}) instead of under {@code parameters}.</li>
 * </ul>
 * Endpoint {@code parameters} and {@code beans} are free-form and not looked into.
 */
public final class CanonicalNotationCheck {

    /** Keys whose string value is a compact form (a language or a log message). */
    static final Set<String> OBJECT_KEYS = Set.of("log", "simple", "constant", "header", "exchangeProperty", "variable",
            "jsonpath", "jq", "groovy", "xpath", "xquery", "js", "python", "ognl", "mvel", "spel", "csimple", "datasonnet");
    /** Languages, as they appear inside an expression. */
    static final Set<String> LANGUAGES = Set.of("simple", "constant", "header", "exchangeProperty", "variable", "jsonpath",
            "jq", "groovy", "xpath", "xquery", "js", "python", "ognl", "mvel", "spel", "csimple", "datasonnet", "method",
            "tokenize", "xtokenize", "language", "ref", "java", "joor", "wasm", "hl7terser");
    /** EIPs that take their expression under {@code expression:}. */
    static final Set<String> EXPRESSION_EIPS = Set.of("setBody", "setHeader", "setProperty", "setVariable", "filter", "split",
            "transform", "when", "loop", "delay", "recipientList", "routingSlip", "dynamicRouter", "validate", "throttle",
            "idempotentConsumer", "script", "sort");
    /** Steps whose uri must not carry the options. */
    static final Set<String> URI_STEPS = Set.of("from", "to", "wireTap");
    /** Free-form maps: endpoint options, bean properties. */
    static final Set<String> FREE_FORM = Set.of("parameters", "properties", "beans", "constructors");

    private CanonicalNotationCheck() {
    }

    public static List<RouteProblem> check(RouteFile file) {
        List<RouteProblem> problems = new ArrayList<>();
        for (Node doc : file.documents()) {
            for (NodeTuple top : YamlNodes.topLevel(doc)) {
                if ("from".equals(YamlNodes.key(top))) {
                    problems.add(file.problem(top.getKeyNode(), "compact notation: a top-level from; write - route: {id: …, "
                            + "from: {uri: …, steps: […]}}"));
                }
                if (!FREE_FORM.contains(YamlNodes.key(top))) {
                    walk(file, YamlNodes.key(top), top.getValueNode(), problems);
                }
            }
        }
        return problems;
    }

    private static void walk(RouteFile file, String key, Node node, List<RouteProblem> problems) {
        if ("steps".equals(key)) {
            for (Node step : YamlNodes.items(node)) {
                for (NodeTuple t : YamlNodes.entries(step)) {
                    if (t.getValueNode() instanceof ScalarNode s && !s.getValue().isEmpty() && !OBJECT_KEYS.contains(YamlNodes.key(t))) {
                        problems.add(file.problem(t.getKeyNode(), "compact notation: " + YamlNodes.key(t) + ": \"" + s.getValue()
                                + "\"; write " + YamlNodes.key(t) + ": {" + (URI_STEPS.contains(YamlNodes.key(t)) || "toD".equals(YamlNodes.key(t))
                                ? "uri: …" : "…") + "}"));
                    }
                }
            }
        }
        if ("when".equals(key)) {
            for (Node branch : YamlNodes.items(node)) {
                languageGivenDirectly(file, "when", branch, problems);
            }
        }
        for (NodeTuple t : YamlNodes.entries(node)) {
            String k = YamlNodes.key(t);
            Node v = t.getValueNode();
            if (OBJECT_KEYS.contains(k) && v instanceof ScalarNode s) {
                String what = "log".equals(k) ? "message" : "expression";
                problems.add(file.problem(t.getKeyNode(), "compact notation: " + k + ": \"" + s.getValue() + "\"; write " + k
                        + ": {" + what + ": \"" + s.getValue() + "\"}"));
            }
            if (EXPRESSION_EIPS.contains(k) && v instanceof MappingNode) {
                languageGivenDirectly(file, k, v, problems);
            }
            if (URI_STEPS.contains(k)) {
                YamlNodes.get(v, "uri").flatMap(YamlNodes::scalar).filter(u -> u.contains("?")).ifPresent(u -> problems.add(
                        file.problem(v, "compact notation: endpoint options in the uri \"" + u + "\"; write uri: \""
                                + u.substring(0, u.indexOf('?')) + "\" and the options under parameters: {…}")));
            }
            if (!FREE_FORM.contains(k)) {
                walk(file, k, v, problems);
            }
        }
        for (Node item : YamlNodes.items(node)) {
            walk(file, key + "[]", item, problems);
        }
    }

    private static void languageGivenDirectly(RouteFile file, String eip, Node node, List<RouteProblem> problems) {
        for (NodeTuple t : YamlNodes.entries(node)) {
            if (LANGUAGES.contains(YamlNodes.key(t))) {
                problems.add(file.problem(t.getKeyNode(), "compact notation: " + eip + " with " + YamlNodes.key(t)
                        + " given directly; wrap it: expression: {" + YamlNodes.key(t) + ": {…}}"));
            }
        }
    }
}
