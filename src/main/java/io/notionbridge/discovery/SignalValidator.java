package io.notionbridge.discovery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.runtime.JsonBody;

/**
 * Checks the signals of one intake request and builds their canonical keys. Every problem is reported, one
 * {@link FieldError} per bad field of each item, so a collector can fix a whole batch at once. Fields:
 * <ul>
 *   <li>{@code signal_type}, {@code source_api}: required; letters, digits, {@code _ . -}, at most 100 characters;
 *       lower-cased;</li>
 *   <li>{@code company_name}: required, at most 500 characters;</li>
 *   <li>{@code confidence}: required JSON number from 0 to 1 (kept to 5 decimals);</li>
 *   <li>{@code detected_at}: optional ISO 8601 date-time with offset ({@code 2026-07-01T09:30:00Z}) or date
 *       ({@code 2026-07-01}, midnight UTC); default now; not more than an hour in the future; kept to microseconds;</li>
 *   <li>{@code raw_data}: optional JSON object;</li>
 *   <li>identity hints {@code canonical_key}, {@code website}, {@code domain}, {@code github_org},
 *       {@code companies_house_number}, {@code location}: optional strings; together with the name they must give a
 *       canonical key ({@link CanonicalKeyBuilder}).</li>
 * </ul>
 * Other fields are ignored. Plain Java, thread-safe.
 */
public final class SignalValidator {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.\\-]{0,99}");
    static final int MAX_COMPANY_NAME = 500;
    static final int MAX_HINT = 2000;
    static final Duration FUTURE_TOLERANCE = Duration.ofHours(1);
    static final List<String> HINTS = List.of("canonical_key", "website", "domain", "github_org", "companies_house_number",
            "location");

    /** The valid signals, in request order, or every problem found (then {@code signals} is empty). */
    public record Result(List<SignalInput> signals, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final Clock clock;

    public SignalValidator(Clock clock) {
        this.clock = clock;
    }

    public SignalValidator() {
        this(Clock.systemUTC());
    }

    /** Validates the items of one request (a single signal is a list of one). */
    public Result validate(List<JsonNode> items) {
        List<SignalInput> ok = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < items.size(); i++) {
            SignalInput s = validate(i, items.get(i), now, errors);
            if (s != null) {
                ok.add(s);
            }
        }
        return errors.isEmpty() ? new Result(List.copyOf(ok), List.of()) : new Result(List.of(), List.copyOf(errors));
    }

    private SignalInput validate(int item, JsonNode node, Instant now, List<FieldError> errors) {
        if (node == null || !node.isObject()) {
            errors.add(new FieldError(item, "item", "must be a JSON object (a signal), got " + kind(node)));
            return null;
        }
        int before = errors.size();
        String type = name(item, node, "signal_type", errors);
        String source = name(item, node, "source_api", errors);
        String company = companyName(item, node, errors);
        BigDecimal confidence = confidence(item, node, errors);
        Instant detectedAt = detectedAt(item, node, now, errors);
        String rawData = rawData(item, node, errors);
        ObjectNode hints = NotionJson.object();
        for (String h : HINTS) {
            String v = hint(item, node, h, errors);
            if (v != null) {
                hints.put(h, v);
            }
        }
        if (errors.size() > before) {
            return null;
        }
        KeyResult key = CanonicalKeyBuilder.build(new IdentityHints(hints.path("canonical_key").textValue(),
                hints.path("website").textValue(), hints.path("domain").textValue(), hints.path("github_org").textValue(),
                hints.path("companies_house_number").textValue(), company, hints.path("location").textValue()));
        if (key.key().isEmpty()) {
            boolean explicit = hints.has("canonical_key");
            errors.add(new FieldError(item, explicit ? "canonical_key" : "identity", explicit
                    ? key.failureReason().orElseThrow()
                    : key.failureReason().orElseThrow() + "; give website, domain, github_org, companies_house_number,"
                            + " or company_name with location, or an explicit canonical_key"));
            return null;
        }
        CanonicalKey k = key.key().orElseThrow();
        return new SignalInput(k.toString(), k.strong() ? "strong" : "weak", type, source, company, confidence, detectedAt,
                rawData, hints.toString());
    }

    private static String name(int item, JsonNode node, String field, List<FieldError> errors) {
        JsonNode v = node.get(field);
        if (absent(v)) {
            errors.add(new FieldError(item, field, "is required"));
            return null;
        }
        if (!v.isTextual()) {
            errors.add(new FieldError(item, field, "must be a string, got " + kind(v)));
            return null;
        }
        String s = v.textValue().strip().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(s).matches()) {
            errors.add(new FieldError(item, field, "'" + clip(v.textValue()) + "' is not a name: use letters, digits, "
                    + "'_', '.' or '-', at most 100 characters (e.g. github_star_spike)"));
            return null;
        }
        return s;
    }

    private static String companyName(int item, JsonNode node, List<FieldError> errors) {
        JsonNode v = node.get("company_name");
        if (absent(v) || (v.isTextual() && v.textValue().isBlank())) {
            errors.add(new FieldError(item, "company_name", "is required"));
            return null;
        }
        if (!v.isTextual()) {
            errors.add(new FieldError(item, "company_name", "must be a string, got " + kind(v)));
            return null;
        }
        String s = v.textValue().strip();
        if (s.length() > MAX_COMPANY_NAME) {
            errors.add(new FieldError(item, "company_name", "is " + s.length() + " characters long; at most "
                    + MAX_COMPANY_NAME + " are allowed"));
            return null;
        }
        return s;
    }

    private static BigDecimal confidence(int item, JsonNode node, List<FieldError> errors) {
        JsonNode v = node.get("confidence");
        if (absent(v)) {
            errors.add(new FieldError(item, "confidence", "is required (a number from 0 to 1)"));
            return null;
        }
        if (!v.isNumber()) {
            errors.add(new FieldError(item, "confidence", "must be a number from 0 to 1, got " + kind(v)));
            return null;
        }
        BigDecimal d = v.decimalValue();
        if (d.compareTo(BigDecimal.ZERO) < 0 || d.compareTo(BigDecimal.ONE) > 0) {
            errors.add(new FieldError(item, "confidence", "must be from 0 to 1, got " + d.toPlainString()));
            return null;
        }
        return d.setScale(5, RoundingMode.HALF_UP);
    }

    private Instant detectedAt(int item, JsonNode node, Instant now, List<FieldError> errors) {
        JsonNode v = node.get("detected_at");
        if (absent(v)) {
            return now;
        }
        if (!v.isTextual()) {
            errors.add(new FieldError(item, "detected_at", "must be an ISO 8601 date-time string, got " + kind(v)));
            return null;
        }
        Instant t = parseTime(v.textValue().strip());
        if (t == null) {
            errors.add(new FieldError(item, "detected_at", "'" + clip(v.textValue()) + "' is not an ISO 8601 date-time "
                    + "with offset or a date (e.g. 2026-07-01T09:30:00Z or 2026-07-01)"));
            return null;
        }
        if (t.isAfter(now.plus(FUTURE_TOLERANCE))) {
            errors.add(new FieldError(item, "detected_at", "'" + v.textValue().strip() + "' is in the future"));
            return null;
        }
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    static Instant parseTime(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static String rawData(int item, JsonNode node, List<FieldError> errors) {
        JsonNode v = node.get("raw_data");
        if (absent(v)) {
            return null;
        }
        if (!v.isObject()) {
            errors.add(new FieldError(item, "raw_data", "must be a JSON object, got " + kind(v)));
            return null;
        }
        return v.toString();
    }

    private static String hint(int item, JsonNode node, String field, List<FieldError> errors) {
        JsonNode v = node.get(field);
        if (absent(v)) {
            return null;
        }
        if (field.equals("companies_house_number") && v.isIntegralNumber()) {
            return v.asText();
        }
        if (!v.isTextual()) {
            errors.add(new FieldError(item, field, "must be a string, got " + kind(v)));
            return null;
        }
        if (v.textValue().length() > MAX_HINT) {
            errors.add(new FieldError(item, field, "is " + v.textValue().length() + " characters long; at most "
                    + MAX_HINT + " are allowed"));
            return null;
        }
        String s = v.textValue().strip();
        return s.isEmpty() ? null : s;
    }

    private static boolean absent(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode();
    }

    static String kind(JsonNode v) {
        return JsonBody.kind(v);
    }

    private static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
