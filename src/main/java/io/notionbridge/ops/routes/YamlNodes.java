package io.notionbridge.ops.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Small helpers over snakeyaml-engine's node tree, which keeps the line of every key and value. */
final class YamlNodes {

    private YamlNodes() {
    }

    /** 1-based line where the node starts. */
    static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    /** The entries of a mapping, or none when the node is not one. */
    static List<NodeTuple> entries(Node node) {
        return node instanceof MappingNode m ? m.getValue() : List.of();
    }

    /** The items of a sequence, or none when the node is not one. */
    static List<Node> items(Node node) {
        return node instanceof SequenceNode s ? s.getValue() : List.of();
    }

    static String key(NodeTuple t) {
        return scalar(t.getKeyNode()).orElse("?");
    }

    static Optional<String> scalar(Node node) {
        return node instanceof ScalarNode s ? Optional.of(s.getValue()) : Optional.empty();
    }

    /** The value of {@code key} in a mapping. */
    static Optional<Node> get(Node node, String key) {
        for (NodeTuple t : entries(node)) {
            if (key.equals(key(t))) {
                return Optional.of(t.getValueNode());
            }
        }
        return Optional.empty();
    }

    /** The entry of {@code key} in a mapping (to report the key's line). */
    static Optional<NodeTuple> entry(Node node, String key) {
        for (NodeTuple t : entries(node)) {
            if (key.equals(key(t))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The top-level entries of a route file: each list item's single key ({@code route}, {@code beans}, ...). */
    static List<NodeTuple> topLevel(Node document) {
        List<NodeTuple> out = new ArrayList<>();
        for (Node item : items(document)) {
            out.addAll(entries(item));
        }
        return out;
    }
}
