package io.notionbridge.notion.property;

import static io.notionbridge.notion.JsonAssert.assertJsonEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.notion.Fixtures;
import org.junit.jupiter.api.Test;

class PropertyReaderTest {

    private static final JsonNode PAGE = Fixtures.resource("page_every_property_type.json");

    private static Object read(String property) {
        return PropertyReader.read(PAGE.get("properties").get(property));
    }

    @Test
    void the_test_page_covers_every_property_type_in_the_research_notes() {
        Set<String> documented = Set.of("title", "rich_text", "number", "select", "status", "multi_select", "date",
                "checkbox", "url", "email", "phone_number", "people", "relation", "formula", "rollup", "files",
                "created_time", "last_edited_time", "created_by", "last_edited_by", "unique_id", "verification",
                "button", "place");
        Set<String> present = new TreeSet<>();
        PAGE.get("properties").forEach(p -> present.add(p.get("type").asText()));
        assertTrue(present.containsAll(documented), "missing: " + new TreeSet<>(documented) + " vs " + present);
    }

    @Test
    void every_property_flattens_to_the_expected_json() {
        assertJsonEquals(Fixtures.resource("page_every_property_type.flat.json"), PageReader.read(PAGE).toFlatJson());
    }

    @Test
    void text_types_join_plain_text_including_mentions_and_equations() {
        assertEquals("Launch @Ada E=mc^2", read("Name"));
        assertEquals("Docs at notion.com ✓ 🎉", read("Story"), "falls back to text.content without plain_text");
        assertEquals("", read("Empty text"));
    }

    @Test
    void numbers_are_big_decimals_and_options_are_names() {
        assertEquals(new BigDecimal("1250.75"), read("Budget"));
        assertEquals(0, new BigDecimal(3).compareTo((BigDecimal) read("Count")));
        assertNull(read("No number"));
        assertEquals("YouTube", read("Channel"));
        assertNull(read("No select"));
        assertEquals("In progress", read("Status"));
        assertEquals(List.of("AI", "Video"), read("Tags"));
        assertEquals(Boolean.TRUE, read("Approved"));
    }

    @Test
    void dates_keep_dates_and_parse_both_utc_forms_and_time_zones() {
        assertEquals(new NotionDate(LocalDate.of(2026, 8, 1), null, null), read("Due"));
        NotionDate shoot = (NotionDate) read("Shoot");
        assertEquals(OffsetDateTime.of(2026, 8, 2, 9, 30, 0, 0, ZoneOffset.UTC), shoot.start());
        assertEquals(OffsetDateTime.of(2026, 8, 2, 11, 0, 0, 0, ZoneOffset.UTC), shoot.end(), "+00:00 form");
        assertTrue(shoot.isDateTime());
        NotionDate call = (NotionDate) read("Call");
        assertEquals(Instant.parse("2026-08-03T18:00:00Z"), call.startInstant(), "local time read in time_zone");
        assertEquals("America/New_York", call.timeZone());
        assertEquals(Instant.parse("2026-08-01T00:00:00Z"), ((NotionDate) read("Due")).startInstant());
        assertNull(read("No date"));
    }

    @Test
    void people_relations_and_files() {
        assertEquals(List.of(new UserRef("ee5f0f84-409a-440f-983a-a5315961c6e4", null, null),
                new UserRef("7775f3a3-893f-43fa-b625-460c61094c78", "Ada Lovelace", "ada@example.com"),
                new UserRef("1ac2b3c4-0000-4000-8000-000000000001", "bridge-bot", null)), read("Owners"));
        assertEquals(new RelationValue(List.of("dd456007-6c66-4bba-957e-ea501dcda3a6",
                "0c1f7cb2-8090-4f18-924e-d92965055e32"), true), read("Related"));
        assertEquals(new RelationValue(List.of(), false), read("No relation"));
        assertEquals(List.of(new FileRef("brief.pdf", "https://prod-files-secure.s3.us-west-2.amazonaws.com/brief.pdf"),
                new FileRef("Logo", "https://example.com/logo.png")), read("Files"));
    }

    @Test
    void formulas_and_rollups_give_their_results() {
        assertEquals("A-1", read("F text"));
        assertEquals(0, new BigDecimal(42).compareTo((BigDecimal) read("F number")));
        assertEquals(Boolean.FALSE, read("F bool"));
        assertEquals(NotionDate.of(LocalDate.of(2026, 9, 1)), read("F date"));
        assertNull(read("F empty"));
        assertEquals(0, new BigDecimal(7).compareTo((BigDecimal) read("R number")));
        assertEquals(Instant.parse("2026-01-05T00:00:00Z"), ((NotionDate) read("R date")).startInstant());
        List<?> array = (List<?>) read("R array");
        assertEquals("Acme", array.get(0));
        assertEquals("Won", array.get(2));
        assertEquals(new UncomputedRollup("incomplete", "sum"), read("R incomplete"));
        assertTrue(((UncomputedRollup) read("R incomplete")).incomplete());
        assertFalse(((UncomputedRollup) read("R unsupported")).incomplete());
    }

    @Test
    void timestamps_users_ids_verification_button_place() {
        assertEquals(Instant.parse("2026-07-04T08:48:00Z"), read("Created"));
        assertEquals(Instant.parse("2026-07-04T09:11:00Z"), read("Edited"), "+00:00 form");
        assertEquals("ee5f0f84-409a-440f-983a-a5315961c6e4", read("Creator"));
        assertEquals("7775f3a3-893f-43fa-b625-460c61094c78", read("Editor"));
        assertEquals("VID-123", read("Ticket"));
        assertEquals(77L, read("Seq"));
        assertEquals("verified", read("Verified"));
        assertNull(read("Unverified"));
        assertNull(read("Do it"));
        assertEquals("Berlin office", ((Map<?, ?>) read("Where")).get("name"));
        assertNull(read("No place"));
    }

    @Test
    void unknown_types_and_malformed_values_come_back_raw_instead_of_failing() {
        assertEquals(PAGE.get("properties").get("Future type"), read("Future type"));
        for (String bad : List.of("{\"type\":\"number\",\"number\":\"twelve\"}",
                "{\"type\":\"date\",\"date\":{\"start\":\"next tuesday\"}}",
                "{\"type\":\"checkbox\",\"checkbox\":\"yes\"}",
                "{\"type\":\"multi_select\",\"multi_select\":{\"name\":\"x\"}}",
                "{\"type\":\"created_time\",\"created_time\":\"yesterday\"}",
                "{\"type\":\"select\"}",
                "{\"no_type\":true}",
                "[1,2]")) {
            JsonNode value = Fixtures.parse(bad);
            assertEquals(value, PropertyReader.read(value), bad);
        }
        assertNull(PropertyReader.read(null));
    }

    @Test
    void flat_json_writes_values_jackson_alone_cannot() {
        assertEquals("\"2026-07-04T08:48:00Z\"", FlatJson.toJson(Instant.parse("2026-07-04T08:48:00Z")).toString());
        assertInstanceOf(JsonNode.class, FlatJson.toJson(Map.of("when", List.of(Instant.EPOCH))));
        assertEquals("{\"start\":\"2026-08-01\",\"end\":null,\"time_zone\":null}",
                io.notionbridge.notion.NotionJson.MAPPER.valueToTree(NotionDate.of(LocalDate.of(2026, 8, 1))).toString(),
                "value records also serialise through a plain ObjectMapper");
    }
}
