package io.notionbridge.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares the shape of two JSON documents: the same keys and the same JSON value types, recursively. A {@code null}
 * in the reference (the real payload) accepts any value. Arrays compare the reference's first element with every
 * element of the same {@code object} kind. A {@code properties} map is keyed by user-chosen names, so each property
 * is compared with a reference property of the same {@code type}.
 */
final class ShapeComparator {

    private ShapeComparator() {
    }

    static List<String> differences(JsonNode reference, JsonNode actual) {
        List<String> out = new ArrayList<>();
        compare("$", reference, actual, out);
        return out;
    }

    private static String kind(JsonNode n) {
        return n.isNumber() ? "number" : n.getNodeType().name().toLowerCase();
    }

    private static void compare(String path, JsonNode ref, JsonNode act, List<String> out) {
        if (ref.isNull()) {
            return;
        }
        if (!kind(ref).equals(kind(act))) {
            out.add(path + ": expected " + kind(ref) + " but was " + kind(act));
            return;
        }
        if (ref.isObject()) {
            if (path.endsWith(".properties")) {
                compareProperties(path, ref, act, out);
                return;
            }
            Set<String> refKeys = keys(ref);
            Set<String> actKeys = keys(act);
            if (!refKeys.equals(actKeys)) {
                Set<String> missing = new TreeSet<>(refKeys);
                missing.removeAll(actKeys);
                Set<String> extra = new TreeSet<>(actKeys);
                extra.removeAll(refKeys);
                out.add(path + ": keys differ; missing " + missing + ", extra " + extra);
            }
            for (String k : refKeys) {
                if (act.has(k)) {
                    compare(path + "." + k, ref.get(k), act.get(k), out);
                }
            }
        } else if (ref.isArray() && ref.size() > 0) {
            JsonNode first = ref.get(0);
            for (int i = 0; i < act.size(); i++) {
                JsonNode a = act.get(i);
                if (!first.has("object") || first.path("object").equals(a.path("object"))) {
                    compare(path + "[" + i + "]", first, a, out);
                }
            }
        }
    }

    private static void compareProperties(String path, JsonNode ref, JsonNode act, List<String> out) {
        int matched = 0;
        for (Iterator<String> it = act.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            JsonNode a = act.get(name);
            for (JsonNode r : ref) {
                if (r.path("type").equals(a.path("type"))) {
                    compare(path + "." + name, r, a, out);
                    matched++;
                    break;
                }
            }
        }
        if (matched == 0) {
            out.add(path + ": no property of the sandbox has a type found in the reference");
        }
    }

    private static Set<String> keys(JsonNode n) {
        Set<String> s = new TreeSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return s;
    }
}
