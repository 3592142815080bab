package io.notionbridge.notion.property;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.error.NotionValidationException;

/**
 * Builds Notion property values for create/update requests ({@code {"rich_text":[…]}}, {@code {"select":{"name":…}}},
 * …) and enforces Notion's request limits before sending: text is split into pieces of at most 2,000 characters and
 * may use at most 100 pieces; URLs at most 2,000 characters; email and phone at most 200; multi-select, relation and
 * people at most 100 items; option names without commas. A value over a limit throws
 * {@link NotionValidationException} naming the property and the limit. The {@code property} argument is only used in
 * those messages. Null (and "" where Notion refuses empty strings) clears the value.
 */
public final class PropertyValues {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");

    private PropertyValues() {
    }

    public static ObjectNode title(String property, String text) {
        return wrap("title", textPieces(property, "title", text));
    }

    public static ObjectNode richText(String property, String text) {
        return wrap("rich_text", textPieces(property, "rich text", text));
    }

    public static ObjectNode number(String property, Number value) {
        ObjectNode v = NotionJson.object();
        if (value == null) {
            return v.putNull("number");
        }
        if (value instanceof Double || value instanceof Float) {
            double d = value.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw NotionValidationException.forProperty(property, "number " + d + " is not a finite number");
            }
            return v.put("number", BigDecimal.valueOf(d));
        }
        return v.put("number", value instanceof BigDecimal b ? b : new BigDecimal(value.toString()));
    }

    public static ObjectNode select(String property, String optionName) {
        return option("select", property, optionName);
    }

    /** A status by option name; null resets the status to the property's default option. */
    public static ObjectNode status(String property, String optionName) {
        return option("status", property, optionName);
    }

    public static ObjectNode multiSelect(String property, List<String> optionNames) {
        List<String> names = optionNames == null ? List.of() : optionNames;
        checkCount(property, "multi-select", names.size());
        ArrayNode a = NotionJson.array();
        for (String name : names) {
            a.addObject().put("name", optionName(property, name));
        }
        return wrap("multi_select", a);
    }

    /** A date or date-time ({@link LocalDate}, {@link OffsetDateTime}, ZonedDateTime or Instant); null clears. */
    public static ObjectNode date(String property, Temporal start) {
        return date(property, start == null ? null : NotionDate.of(start));
    }

    public static ObjectNode date(String property, Temporal start, Temporal end) {
        return date(property, start == null ? null : NotionDate.of(start, end));
    }

    /**
     * A {@link NotionDate}. With a {@code time_zone}, start and end are sent as local date-times in that zone without
     * offset, as Notion requires; a time zone on a date without time is refused.
     */
    public static ObjectNode date(String property, NotionDate value) {
        ObjectNode v = NotionJson.object();
        if (value == null) {
            return v.putNull("date");
        }
        ObjectNode date = value.toJson();
        if (value.timeZone() != null) {
            if (!(value.start() instanceof OffsetDateTime start)
                    || value.end() != null && !(value.end() instanceof OffsetDateTime)) {
                throw NotionValidationException.forProperty(property, "a time zone needs a date with a time;"
                        + " Notion refuses time_zone on a date without time");
            }
            ZoneId zone;
            try {
                zone = ZoneId.of(value.timeZone());
            } catch (DateTimeException unknown) {
                throw NotionValidationException.forProperty(property, "unknown time zone '" + value.timeZone() + "'");
            }
            date.put("start", LOCAL.format(start.atZoneSameInstant(zone)));
            if (value.end() != null) {
                date.put("end", LOCAL.format(((OffsetDateTime) value.end()).atZoneSameInstant(zone)));
            }
        }
        v.set("date", date);
        return v;
    }

    public static ObjectNode checkbox(String property, boolean checked) {
        return NotionJson.object().put("checkbox", checked);
    }

    public static ObjectNode url(String property, String url) {
        return limitedString("url", "URL", NotionLimits.URL, property, url);
    }

    public static ObjectNode email(String property, String email) {
        return limitedString("email", "email", NotionLimits.EMAIL, property, email);
    }

    public static ObjectNode phoneNumber(String property, String phone) {
        return limitedString("phone_number", "phone number", NotionLimits.PHONE_NUMBER, property, phone);
    }

    /** Related page ids (at most 100; Notion replaces the whole relation). */
    public static ObjectNode relation(String property, List<String> pageIds) {
        return idList("relation", "relation", property, pageIds, false);
    }

    /** User ids (at most 100; Notion replaces the whole value). */
    public static ObjectNode people(String property, List<String> userIds) {
        return idList("people", "people", property, userIds, true);
    }

    private static ArrayNode textPieces(String property, String what, String text) {
        ArrayNode a = NotionJson.array();
        if (text == null || text.isEmpty()) {
            return a;
        }
        List<String> pieces = RichTextSplitter.split(text);
        if (pieces.size() > NotionLimits.ARRAY_ITEMS) {
            throw NotionValidationException.forProperty(property, String.format(Locale.ROOT,
                    "%s of %,d characters needs %,d pieces; Notion accepts at most %d", what,
                    text.codePointCount(0, text.length()), pieces.size(), NotionLimits.ARRAY_ITEMS));
        }
        for (String piece : pieces) {
            ObjectNode rt = a.addObject();
            rt.put("type", "text");
            rt.putObject("text").put("content", piece);
        }
        return a;
    }

    private static ObjectNode option(String type, String property, String name) {
        ObjectNode v = NotionJson.object();
        if (name == null || name.isEmpty()) {
            return v.putNull(type);
        }
        v.putObject(type).put("name", "select".equals(type) ? optionName(property, name) : name);
        return v;
    }

    private static String optionName(String property, String name) {
        if (name == null || name.isBlank()) {
            throw NotionValidationException.forProperty(property, "option names cannot be empty");
        }
        if (name.indexOf(',') >= 0) {
            throw NotionValidationException.forProperty(property, "option name '" + name
                    + "' contains a comma; Notion option names cannot");
        }
        return name;
    }

    private static ObjectNode limitedString(String type, String what, int limit, String property, String value) {
        ObjectNode v = NotionJson.object();
        if (value == null || value.isEmpty()) {
            return v.putNull(type);
        }
        if (value.length() > limit) {
            throw NotionValidationException.forProperty(property, String.format(Locale.ROOT,
                    "%s of %,d characters is over Notion's limit of %,d", what, value.length(), limit));
        }
        return v.put(type, value);
    }

    private static ObjectNode idList(String type, String what, String property, List<String> ids, boolean users) {
        List<String> list = ids == null ? List.of() : ids;
        checkCount(property, what, list.size());
        ArrayNode a = NotionJson.array();
        for (String id : list) {
            if (id == null || id.isBlank()) {
                throw NotionValidationException.forProperty(property, what + " ids cannot be empty");
            }
            ObjectNode ref = a.addObject();
            if (users) {
                ref.put("object", "user");
            }
            ref.put("id", id);
        }
        return wrap(type, a);
    }

    private static void checkCount(String property, String what, int count) {
        if (count > NotionLimits.ARRAY_ITEMS) {
            throw NotionValidationException.forProperty(property, String.format(Locale.ROOT,
                    "%s of %,d items is over Notion's limit of %d", what, count, NotionLimits.ARRAY_ITEMS));
        }
    }

    private static ObjectNode wrap(String type, ArrayNode value) {
        ObjectNode v = NotionJson.object();
        v.set(type, value);
        return v;
    }
}
