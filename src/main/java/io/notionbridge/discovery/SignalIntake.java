package io.notionbridge.discovery;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.notionbridge.runtime.HttpProblem;
import io.notionbridge.runtime.IdempotencyKey;
import io.notionbridge.runtime.JsonBody;

/**
 * {@code POST /api/signals}: one signal (a JSON object) or a JSON array of them. The body is checked for size first
 * (its declared Content-Length and its real size), then parsed, then every item is validated
 * ({@link SignalValidator}); only a request without any problem is stored, in one transaction
 * ({@link SignalStore#insertAll}). The demo feed is loaded through the same method.
 * <ul>
 *   <li>413 {@code payload_too_large}: body over {@code bridge.signals.max-body-bytes};
 *       413 {@code too_many_signals}: more than {@code bridge.signals.max-batch-size} signals;</li>
 *   <li>400 {@code invalid_json} (with line and column), 400 {@code invalid_request} (not an object or array, or an
 *       empty array), 400 {@code invalid_signals} with one error per bad field and item; nothing is stored;</li>
 *   <li>201 when at least one signal was stored, 200 when all were stored before (each listed with
 *       {@code duplicate: true} and the id it has).</li>
 * </ul>
 */
public class SignalIntake {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final SignalStore store;
    private final SuppressionEntries cache;
    private final SignalValidator validator;
    private final DiscoverySettings settings;
    private final SignalRequests requests;

    public SignalIntake(SignalStore store, SuppressionEntries cache, SignalValidator validator, DiscoverySettings settings) {
        this(store, cache, validator, settings, null);
    }

    /** @param requests the answers to requests with an {@code Idempotency-Key}; null: the header is checked, not used */
    public SignalIntake(SignalStore store, SuppressionEntries cache, SignalValidator validator, DiscoverySettings settings,
                        SignalRequests requests) {
        this.store = store;
        this.cache = cache;
        this.validator = validator;
        this.settings = settings;
        this.requests = requests;
    }

    /**
     * Accepts one request body.
     *
     * @param declaredLength the request's Content-Length header, or null
     * @throws HttpProblem for a request the caller must fix
     */
    public IntakeAnswer accept(byte[] body, String declaredLength) {
        return accept(body, declaredLength, null);
    }

    /**
     * Accepts one request body sent with the {@code Idempotency-Key} header {@code idempotencyKey} (null: none). With
     * a key, a resend of the same body within {@code bridge.signals.idempotency-ttl-hours} gets the first answer again
     * (same status and body, {@link IntakeAnswer#replayed()}) and stores nothing.
     *
     * @throws HttpProblem for a request the caller must fix: also 400 {@code invalid_idempotency_key}, and 422
     *                     {@code idempotency_key_reused} for a key sent before with another body
     */
    public IntakeAnswer accept(byte[] body, String declaredLength, String idempotencyKey) {
        IdempotencyKey key = IdempotencyKey.parse(idempotencyKey);
        long max = settings.maxBodyBytes();
        Long declared = parseLength(declaredLength);
        if (declared != null && declared > max) {
            throw tooLarge(declared);
        }
        if (body != null && body.length > max) {
            throw tooLarge(body.length);
        }
        if (body == null || body.length == 0) {
            throw new HttpProblem(400, "invalid_json", "the request body is empty; send one signal (a JSON object) or a "
                    + "JSON array of signals");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new HttpProblem(400, "invalid_json", "the request body is not valid JSON " + JsonBody.where(e));
        } catch (IOException e) {
            throw new HttpProblem(400, "invalid_json", "the request body cannot be read as JSON: " + e.getMessage());
        }
        List<JsonNode> items = new ArrayList<>();
        if (root != null && root.isObject()) {
            items.add(root);
        } else if (root != null && root.isArray()) {
            root.forEach(items::add);
        } else {
            throw new HttpProblem(400, "invalid_request", "the request body must be one signal (a JSON object) or a JSON "
                    + "array of signals, got " + SignalValidator.kind(root));
        }
        if (items.isEmpty()) {
            throw new HttpProblem(400, "invalid_request", "the array holds no signals; send at least one");
        }
        if (items.size() > settings.maxBatchSize()) {
            throw new HttpProblem(413, "too_many_signals", String.format(Locale.ROOT, "the request holds %,d signals; the "
                    + "limit is %,d per request (bridge.signals.max-batch-size): send them in smaller batches",
                    items.size(), settings.maxBatchSize()));
        }
        SignalValidator.Result checked = validator.validate(items);
        if (!checked.valid()) {
            long bad = checked.errors().stream().mapToInt(FieldError::item).distinct().count();
            throw new HttpProblem(400, "invalid_signals", checked.errors().size() + " problem(s) in " + bad + " of "
                    + items.size() + " signal(s); nothing was stored", checked.errors());
        }
        List<SignalInput> signals = checked.signals();
        // read before the transaction: the transaction holds a connection, and this read takes another
        Map<String, SuppressionEntries.Entry> known = settings.consultSuppression()
                ? cache.find(signals.stream().map(SignalInput::canonicalKey).toList()) : null;
        if (key == null || requests == null) {
            return answer(signals, store.insertAll(signals), known);
        }
        return store.insertOnce(signals, requests, key, sha256(body), stored -> answer(signals, stored, known));
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static IntakeAnswer answer(List<SignalInput> signals, List<SignalStore.Stored> stored,
                                       Map<String, SuppressionEntries.Entry> known) {
        List<Map<String, Object>> list = new ArrayList<>();
        int accepted = 0;
        for (int i = 0; i < signals.size(); i++) {
            SignalInput s = signals.get(i);
            SignalStore.Stored r = stored.get(i);
            if (!r.duplicate()) {
                accepted++;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("canonical_key", s.canonicalKey());
            m.put("key_strength", s.keyStrength());
            m.put("duplicate", r.duplicate());
            m.put("known_in_crm", known == null ? null : known.containsKey(s.canonicalKey()));
            list.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accepted", accepted);
        body.put("duplicates", signals.size() - accepted);
        body.put("signals", list);
        return new IntakeAnswer(accepted > 0 ? 201 : 200, body);
    }

    private HttpProblem tooLarge(long size) {
        return new HttpProblem(413, "payload_too_large", String.format(Locale.ROOT, "the request body is %,d bytes; the "
                + "limit is %,d bytes (bridge.signals.max-body-bytes): send the signals in smaller batches", size,
                settings.maxBodyBytes()));
    }

    private static Long parseLength(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
