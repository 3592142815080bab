package io.notionbridge.notion.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.Fixtures;
import io.notionbridge.notion.error.NotionValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PropertyValuesTest {

    private static final String EMOJI = "😀"; // one code point, two UTF-16 units

    private static List<String> pieces(ObjectNode value, String type) {
        return IntStream.range(0, value.get(type).size())
                .mapToObj(i -> value.get(type).get(i).get("text").get("content").asText()).toList();
    }

    private static String message(Executable call) {
        return assertThrows(NotionValidationException.class, call).getMessage();
    }

    @Test
    void rich_text_of_exactly_2000_characters_is_one_piece_and_2001_is_two() {
        assertEquals(List.of("a".repeat(2000)), pieces(PropertyValues.richText("Notes", "a".repeat(2000)), "rich_text"));
        assertEquals(List.of("a".repeat(2000), "a"), pieces(PropertyValues.richText("Notes", "a".repeat(2001)),
                "rich_text"));
        JsonNode piece = PropertyValues.richText("Notes", "hi").get("rich_text").get(0);
        assertEquals(Fixtures.parse("{\"type\":\"text\",\"text\":{\"content\":\"hi\"}}"), piece);
    }

    @Test
    void an_emoji_at_the_boundary_is_never_split() {
        List<String> p = pieces(PropertyValues.richText("Notes", "a".repeat(1999) + EMOJI + "b"), "rich_text");
        assertEquals(List.of("a".repeat(1999), EMOJI + "b"), p);
        List<String> fits = pieces(PropertyValues.richText("Notes", "a".repeat(1998) + EMOJI), "rich_text");
        assertEquals(List.of("a".repeat(1998) + EMOJI), fits, "1998 + 2 units is exactly 2000");
        String emojis = EMOJI.repeat(3000);
        List<String> all = pieces(PropertyValues.richText("Notes", emojis), "rich_text");
        assertEquals(emojis, String.join("", all));
        all.forEach(s -> {
            assertTrue(s.length() <= 2000);
            assertTrue(Character.isHighSurrogate(s.charAt(0)) && Character.isLowSurrogate(s.charAt(s.length() - 1)));
        });
    }

    @Test
    void at_most_100_pieces_and_the_error_names_property_and_limit() {
        assertEquals(100, PropertyValues.richText("Why Now", "x".repeat(200_000)).get("rich_text").size());
        assertEquals("property 'Why Now': rich text of 250,000 characters needs 125 pieces; Notion accepts at most 100",
                message(() -> PropertyValues.richText("Why Now", "x".repeat(250_000))));
        assertEquals("property 'Name': title of 200,001 characters needs 101 pieces; Notion accepts at most 100",
                message(() -> PropertyValues.title("Name", "x".repeat(200_001))));
        NotionValidationException e = assertThrows(NotionValidationException.class,
                () -> new PropertiesBuilder().richText("Why Now", "x".repeat(250_000)));
        assertTrue(e.clientSide());
    }

    @Test
    void written_text_reads_back_unchanged() {
        String text = "Ünïcödé " + EMOJI.repeat(1500) + " end";
        assertEquals(text, PropertyReader.read(withType("rich_text", PropertyValues.richText("N", text))));
        assertEquals(text, PropertyReader.read(withType("title", PropertyValues.title("N", text))));
    }

    @Test
    void empty_text_and_null_clear_the_value() {
        assertEquals("{\"rich_text\":[]}", PropertyValues.richText("N", "").toString());
        assertEquals("{\"title\":[]}", PropertyValues.title("N", null).toString());
        assertEquals("{\"url\":null}", PropertyValues.url("U", "").toString());
        assertEquals("{\"email\":null}", PropertyValues.email("E", null).toString());
        assertEquals("{\"select\":null}", PropertyValues.select("S", null).toString());
        assertEquals("{\"status\":null}", PropertyValues.status("S", null).toString());
        assertEquals("{\"number\":null}", PropertyValues.number("N", null).toString());
        assertEquals("{\"date\":null}", PropertyValues.date("D", (LocalDate) null).toString());
        assertEquals("{\"relation\":[]}", PropertyValues.relation("R", null).toString());
    }

    @Test
    void item_lists_accept_100_and_refuse_101() {
        List<String> hundred = IntStream.range(0, 100).mapToObj(i -> "id" + i).toList();
        List<String> hundredOne = IntStream.range(0, 101).mapToObj(i -> "id" + i).toList();
        assertEquals(100, PropertyValues.multiSelect("Tags", hundred).get("multi_select").size());
        assertEquals(100, PropertyValues.relation("Rel", hundred).get("relation").size());
        assertEquals(100, PropertyValues.people("Owners", hundred).get("people").size());
        assertEquals("property 'Tags': multi-select of 101 items is over Notion's limit of 100",
                message(() -> PropertyValues.multiSelect("Tags", hundredOne)));
        assertEquals("property 'Rel': relation of 101 items is over Notion's limit of 100",
                message(() -> PropertyValues.relation("Rel", hundredOne)));
        assertEquals("property 'Owners': people of 101 items is over Notion's limit of 100",
                message(() -> PropertyValues.people("Owners", hundredOne)));
        assertEquals(Fixtures.parse("{\"people\":[{\"object\":\"user\",\"id\":\"u1\"}]}"),
                PropertyValues.people("Owners", List.of("u1")));
        assertEquals(Fixtures.parse("{\"relation\":[{\"id\":\"p1\"},{\"id\":\"p2\"}]}"),
                PropertyValues.relation("Rel", List.of("p1", "p2")));
        assertTrue(message(() -> PropertyValues.relation("Rel", Collections.singletonList(" "))).contains("'Rel'"));
    }

    @Test
    void urls_emails_and_phones_have_their_limits() {
        String url2000 = "https://example.com/" + "a".repeat(2000 - 20);
        assertEquals(url2000, PropertyValues.url("Link", url2000).get("url").asText());
        assertEquals("property 'Link': URL of 2,001 characters is over Notion's limit of 2,000",
                message(() -> PropertyValues.url("Link", url2000 + "b")));
        String email200 = "a".repeat(188) + "@example.com";
        assertEquals(200, email200.length());
        assertEquals(email200, PropertyValues.email("Contact", email200).get("email").asText());
        assertEquals("property 'Contact': email of 201 characters is over Notion's limit of 200",
                message(() -> PropertyValues.email("Contact", "b" + email200)));
        assertEquals("1".repeat(200), PropertyValues.phoneNumber("Phone", "1".repeat(200)).get("phone_number").asText());
        assertEquals("property 'Phone': phone number of 201 characters is over Notion's limit of 200",
                message(() -> PropertyValues.phoneNumber("Phone", "1".repeat(201))));
    }

    @Test
    void options_numbers_dates_and_checkboxes() {
        assertEquals("{\"select\":{\"name\":\"Go\"}}", PropertyValues.select("Go/NoGo", "Go").toString());
        assertEquals("{\"status\":{\"name\":\"Done\"}}", PropertyValues.status("Stage", "Done").toString());
        assertEquals("{\"multi_select\":[{\"name\":\"A\"},{\"name\":\"B\"}]}",
                PropertyValues.multiSelect("Tags", List.of("A", "B")).toString());
        assertEquals("property 'Tags': option name 'A,B' contains a comma; Notion option names cannot",
                message(() -> PropertyValues.multiSelect("Tags", List.of("A,B"))));
        assertTrue(message(() -> PropertyValues.select("Kind", "x,y")).startsWith("property 'Kind'"));
        assertTrue(message(() -> PropertyValues.multiSelect("Tags", List.of(" "))).contains("cannot be empty"));
        assertEquals("{\"number\":12.50}", PropertyValues.number("Budget", new BigDecimal("12.50")).toString());
        assertEquals("{\"number\":3}", PropertyValues.number("Count", 3).toString());
        assertEquals("{\"number\":0.1}", PropertyValues.number("Ratio", 0.1).toString());
        assertTrue(message(() -> PropertyValues.number("Ratio", Double.NaN)).contains("'Ratio'"));
        assertTrue(message(() -> PropertyValues.number("Ratio", Double.POSITIVE_INFINITY)).contains("finite"));
        assertEquals("{\"checkbox\":true}", PropertyValues.checkbox("Done", true).toString());
        assertEquals("{\"date\":{\"start\":\"2024-01-01\",\"end\":null,\"time_zone\":null}}",
                PropertyValues.date("Due", LocalDate.of(2024, 1, 1)).toString());
        assertEquals("{\"date\":{\"start\":\"2024-01-01T09:30:00.000+02:00\",\"end\":\"2024-01-01T10:00:00.000Z\","
                        + "\"time_zone\":null}}",
                PropertyValues.date("Call", OffsetDateTime.of(2024, 1, 1, 9, 30, 0, 0, ZoneOffset.ofHours(2)),
                        Instant.parse("2024-01-01T10:00:00Z")).toString());
        assertThrows(IllegalArgumentException.class, () -> PropertyValues.date("Due", java.time.LocalTime.NOON));
    }

    @Test
    void a_date_with_a_time_zone_is_written_without_offset_and_reads_back_equal() {
        JsonNode read = Fixtures.resource("page_every_property_type.json").get("properties").get("Call");
        NotionDate call = (NotionDate) PropertyReader.read(read);
        ObjectNode written = PropertyValues.date("Call", call);
        assertEquals("{\"date\":{\"start\":\"2026-08-03T14:00:00.000\",\"end\":null,"
                + "\"time_zone\":\"America/New_York\"}}", written.toString());
        assertEquals(call, PropertyReader.read(written.put("type", "date")));
        assertTrue(message(() -> PropertyValues.date("Due", new NotionDate(LocalDate.of(2026, 1, 1), null,
                "Europe/Berlin"))).startsWith("property 'Due': a time zone needs a date with a time"));
        assertEquals("property 'Call': unknown time zone 'Mars/Olympus'", message(() -> PropertyValues.date("Call",
                new NotionDate(Instant.parse("2026-01-01T10:00:00Z"), null, "Mars/Olympus"))));
    }

    @Test
    void the_builder_collects_named_values_once_each() {
        ObjectNode body = new PropertiesBuilder()
                .title("Name", "Acme").richText("Why Now", "funding").number("Score", 87).select("Kind", "Lead")
                .status("Stage", "New").multiSelect("Tags", List.of("AI")).date("Due", LocalDate.of(2026, 8, 1))
                .checkbox("Hot", true).url("Site", "https://acme.ai").email("Mail", "a@acme.ai")
                .phoneNumber("Phone", "+1 555").relation("Company", List.of("p1")).people("Owner", List.of("u1"))
                .body();
        JsonNode p = body.get("properties");
        assertEquals(13, p.size());
        assertEquals("Acme", p.get("Name").get("title").get(0).get("text").get("content").asText());
        List<String> names = new java.util.ArrayList<>();
        p.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("Name", "Why Now", "Score", "Kind"), names.subList(0, 4), "insertion order kept");
        assertEquals("{\"name\":\"New\"}", p.get("Stage").get("status").toString());
        PropertiesBuilder b = new PropertiesBuilder().title("Name", "x");
        assertThrows(IllegalArgumentException.class, () -> b.richText("Name", "y"));
        assertThrows(IllegalArgumentException.class, () -> b.put(" ", PropertyValues.checkbox(" ", true)));
        assertTrue(new PropertiesBuilder().isEmpty());
    }

    @Test
    void the_builder_refuses_a_payload_over_500_kb() {
        PropertiesBuilder b = new PropertiesBuilder();
        b.richText("A", "x".repeat(200_000)).richText("B", "x".repeat(200_000));
        assertEquals(2, b.build().size(), "about 400 KB is fine");
        b.richText("C", "x".repeat(200_000));
        NotionValidationException e = assertThrows(NotionValidationException.class, b::build);
        assertTrue(e.getMessage().contains("over Notion's 500 KB request limit"), e.getMessage());
    }

    private static ObjectNode withType(String type, ObjectNode value) {
        return value.put("type", type);
    }
}
