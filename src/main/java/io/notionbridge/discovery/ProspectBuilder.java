package io.notionbridge.discovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;

/**
 * Collects the signals of one canonical key, in any order, and builds the {@link Prospect}: signals ordered by
 * detection time (then id), raw data and identity hints merged field by field with the latest signal winning (a
 * field a later signal leaves out or sets to null keeps the earlier value), the latest signal's company name, and the
 * verification gate's verdict on all of them. Not thread-safe; one builder per key.
 */
public final class ProspectBuilder {

    private static final Comparator<StoredSignal> OLDEST_FIRST =
            Comparator.comparing(StoredSignal::detectedAt).thenComparingLong(StoredSignal::id);

    private final String canonicalKey;
    private final List<StoredSignal> signals = new ArrayList<>();

    public ProspectBuilder(String canonicalKey) {
        this.canonicalKey = canonicalKey;
    }

    public ProspectBuilder add(StoredSignal signal) {
        if (!canonicalKey.equals(signal.canonicalKey())) {
            throw new IllegalArgumentException("signal " + signal.id() + " is filed under " + signal.canonicalKey()
                    + ", not " + canonicalKey);
        }
        signals.add(signal);
        return this;
    }

    public String canonicalKey() {
        return canonicalKey;
    }

    public int size() {
        return signals.size();
    }

    public Prospect build(VerificationGate gate) {
        if (signals.isEmpty()) {
            throw new IllegalStateException("no signals for " + canonicalKey);
        }
        List<StoredSignal> ordered = new ArrayList<>(signals);
        ordered.sort(OLDEST_FIRST);
        ObjectNode raw = NotionJson.object();
        ObjectNode hints = NotionJson.object();
        for (StoredSignal s : ordered) {
            mergeInto(raw, s.rawData());
            mergeInto(hints, s.identityHints());
        }
        StoredSignal latest = ordered.get(ordered.size() - 1);
        GateResult result = gate.evaluate(ordered.stream().map(StoredSignal::evidence).toList());
        return new Prospect(canonicalKey, latest.keyStrength(), latest.companyName(), ordered, raw, hints, result);
    }

    private static void mergeInto(ObjectNode target, String json) {
        if (json == null || json.isBlank()) {
            return;
        }
        JsonNode n;
        try {
            n = NotionJson.MAPPER.readTree(json);
        } catch (Exception e) {
            return;
        }
        if (n == null || !n.isObject()) {
            return;
        }
        n.fields().forEachRemaining(e -> {
            if (!e.getValue().isNull()) {
                target.set(e.getKey(), e.getValue());
            }
        });
    }
}
