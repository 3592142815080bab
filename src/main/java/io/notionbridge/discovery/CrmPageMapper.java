package io.notionbridge.discovery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.property.PropertiesBuilder;

/**
 * The CRM page properties of a prospect, under the configured property names ({@link CrmSettings}).
 * <ul>
 *   <li>A new page carries name, canonical key, stage, status, website, confidence (the score), signal types, the
 *       "why now" line ({@link WhyNow}), and description, founder, location and target raise when the merged raw data
 *       has them ({@code description}; {@code founder} or a {@code founders} list; {@code location}, else the
 *       location hint; {@code target_raise} as a number or text such as {@code "$2.5M"}).</li>
 *   <li>An update of a page the CRM already has adds the new signal types to the ones it shows and refreshes the
 *       score and the "why now" line. It leaves name, status, stage and the rest alone: people own those once the
 *       company is in the CRM.</li>
 * </ul>
 */
public final class CrmPageMapper {

    private static final Pattern MONEY = Pattern.compile("\\$?\\s*([0-9][0-9,]*(?:\\.[0-9]+)?)\\s*([kmb]|thousand|million|billion)?",
            Pattern.CASE_INSENSITIVE);

    private final CrmSettings crm;

    public CrmPageMapper(CrmSettings crm) {
        this.crm = crm;
    }

    /** The properties of a new CRM page for {@code p} with status {@code status}. */
    public ObjectNode createProperties(Prospect p, String status) {
        PropertiesBuilder b = new PropertiesBuilder()
                .title(crm.name(), p.companyName())
                .richText(crm.canonicalKey(), p.canonicalKey())
                .select(crm.stage(), crm.stageNew())
                .status(crm.status(), status)
                .number(crm.confidence(), BigDecimal.valueOf(p.score()))
                .multiSelect(crm.signalTypes(), p.result().signalTypes())
                .richText(crm.whyNow(), WhyNow.line(p));
        String website = website(p);
        if (website != null) {
            b.url(crm.website(), website);
        }
        putText(b, crm.description(), p.raw("description"));
        putText(b, crm.founder(), founder(p));
        putText(b, crm.location(), p.raw("location") != null ? p.raw("location") : p.hint("location"));
        BigDecimal raise = targetRaise(p.rawData().get("target_raise"));
        if (raise != null) {
            b.number(crm.targetRaise(), raise);
        }
        return b.build();
    }

    /** The properties that refresh an existing page: signal types (its own plus the new ones), score, why now. */
    public ObjectNode updateProperties(Prospect p, List<String> typesOnPage) {
        return new PropertiesBuilder()
                .number(crm.confidence(), BigDecimal.valueOf(p.score()))
                .multiSelect(crm.signalTypes(), mergedTypes(typesOnPage, p.result().signalTypes()))
                .richText(crm.whyNow(), WhyNow.line(p))
                .build();
    }

    /** The page's types, then the prospect's types it does not show yet. */
    public static List<String> mergedTypes(List<String> onPage, List<String> fromSignals) {
        Set<String> all = new LinkedHashSet<>(onPage == null ? List.of() : onPage);
        all.addAll(fromSignals);
        return new ArrayList<>(all);
    }

    /** The website: the {@code website} hint, else the {@code domain} hint, else the domain of a domain key. */
    static String website(Prospect p) {
        String w = p.hint("website");
        if (w == null) {
            w = p.hint("domain");
        }
        if (w == null && p.canonicalKey().startsWith(CanonicalKey.Type.DOMAIN.prefix() + ":")) {
            w = p.canonicalKey().substring(CanonicalKey.Type.DOMAIN.prefix().length() + 1);
        }
        if (w == null || w.contains("@")) {
            return null;
        }
        return w.matches("(?i)https?://.*") ? w : "https://" + w;
    }

    static String founder(Prospect p) {
        String one = p.raw("founder");
        if (one != null) {
            return one;
        }
        JsonNode many = p.rawData().get("founders");
        if (many != null && many.isArray()) {
            List<String> names = new ArrayList<>();
            many.forEach(n -> {
                if (n.isTextual() && !n.textValue().isBlank()) {
                    names.add(n.textValue().strip());
                }
            });
            return names.isEmpty() ? null : String.join(", ", names);
        }
        return null;
    }

    /** A number, or text like {@code 2500000}, {@code $2.5M}, {@code 750k}; null when absent or unreadable. */
    static BigDecimal targetRaise(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue().signum() < 0 ? null : v.decimalValue();
        }
        if (!v.isTextual()) {
            return null;
        }
        Matcher m = MONEY.matcher(v.textValue().strip());
        if (!m.matches()) {
            return null;
        }
        BigDecimal n = new BigDecimal(m.group(1).replace(",", ""));
        String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        BigDecimal factor = switch (unit) {
            case "k", "thousand" -> BigDecimal.valueOf(1_000);
            case "m", "million" -> BigDecimal.valueOf(1_000_000);
            case "b", "billion" -> BigDecimal.valueOf(1_000_000_000);
            default -> BigDecimal.ONE;
        };
        BigDecimal amount = n.multiply(factor);
        try {
            return amount.setScale(0, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException fraction) {
            return amount;
        }
    }

    private static void putText(PropertiesBuilder b, String property, String value) {
        if (value != null && !value.isBlank()) {
            b.richText(property, value);
        }
    }
}
