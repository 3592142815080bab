package io.notionbridge.ops.routes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.notionbridge.config.BridgeException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * A route file read for validation: its YAML node tree (with lines), the same content as JSON (for the schema), and
 * where each JSON path starts in the file. A file that is not valid YAML carries its syntax problem instead.
 */
public final class RouteFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private final String name;
    private final List<Node> documents;
    private final List<JsonNode> json;
    private final Map<String, Integer> lines;
    private final RouteProblem syntaxError;

    private RouteFile(Path path, String name, List<Node> documents, List<JsonNode> json, Map<String, Integer> lines,
                      RouteProblem syntaxError) {
        this.path = path;
        this.name = name;
        this.documents = documents;
        this.json = json;
        this.lines = lines;
        this.syntaxError = syntaxError;
    }

    /** Reads {@code path}, named {@code name} in problems; a missing or unreadable file is a {@link BridgeException}. */
    public static RouteFile read(Path path, String name) {
        if (!Files.isRegularFile(path)) {
            throw new BridgeException(name + ": no such file");
        }
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BridgeException(name + ": cannot read it: " + e.getMessage(), e);
        }
        return parse(path, name, text);
    }

    static RouteFile parse(Path path, String name, String text) {
        LoadSettings settings = LoadSettings.builder().setLabel(name).build();
        List<Node> docs = new ArrayList<>();
        List<JsonNode> json = new ArrayList<>();
        Map<String, Integer> lines = new HashMap<>();
        try {
            for (Node doc : new Compose(settings).composeAllFromString(text)) {
                Object value = new StandardConstructor(settings).constructSingleDocument(Optional.of(doc));
                String prefix = docs.isEmpty() ? "" : "#" + docs.size();
                index(doc, prefix, lines);
                docs.add(doc);
                json.add(JSON.valueToTree(value));
            }
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
            int contextLine = e.getContextMark().map(m -> m.getLine() + 1).orElse(line);
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            String context = e.getContext() == null ? "" : " (" + e.getContext().trim()
                    + (contextLine != line ? " that starts at line " + contextLine : "") + ")";
            return new RouteFile(path, name, List.of(), List.of(), Map.of(),
                    new RouteProblem(name, line, "YAML syntax: " + problem.trim() + context));
        } catch (YamlEngineException | IllegalArgumentException e) {
            return new RouteFile(path, name, List.of(), List.of(), Map.of(),
                    new RouteProblem(name, 0, "YAML syntax: " + e.getMessage()));
        }
        return new RouteFile(path, name, List.copyOf(docs), List.copyOf(json), Map.copyOf(lines), null);
    }

    /** Records the line of every path as a JSON pointer: a key's own line for mapping values. */
    private static void index(Node node, String pointer, Map<String, Integer> lines) {
        lines.putIfAbsent(pointer, YamlNodes.line(node));
        int i = 0;
        for (Node item : YamlNodes.items(node)) {
            String p = pointer + "/" + i++;
            lines.put(p, YamlNodes.line(item));
            index(item, p, lines);
        }
        for (NodeTuple t : YamlNodes.entries(node)) {
            String p = pointer + "/" + escape(YamlNodes.key(t));
            lines.put(p, YamlNodes.line(t.getKeyNode()));
            index(t.getValueNode(), p, lines);
        }
    }

    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    public Path path() {
        return path;
    }

    /** The file as the user named it. */
    public String name() {
        return name;
    }

    public Optional<RouteProblem> syntaxError() {
        return Optional.ofNullable(syntaxError);
    }

    /** The YAML documents (usually one: the list of routes). */
    public List<Node> documents() {
        return documents;
    }

    /** The documents as JSON, for the schema. */
    public List<JsonNode> json() {
        return json;
    }

    /** The line of a JSON pointer into document {@code doc}, or of its nearest enclosing path. */
    public int line(int doc, String pointer) {
        String prefix = doc == 0 ? "" : "#" + doc;
        String p = prefix + pointer;
        while (true) {
            Integer l = lines.get(p);
            if (l != null) {
                return l;
            }
            int cut = p.lastIndexOf('/');
            if (cut < 0) {
                return lines.getOrDefault(prefix, 0);
            }
            p = p.substring(0, cut);
        }
    }

    public RouteProblem problem(Node at, String message) {
        return new RouteProblem(name, at == null ? 0 : YamlNodes.line(at), message);
    }

    public RouteProblem problem(int line, String message) {
        return new RouteProblem(name, line, message);
    }
}
