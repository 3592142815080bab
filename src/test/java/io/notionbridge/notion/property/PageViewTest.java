package io.notionbridge.notion.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.Fixtures;
import org.junit.jupiter.api.Test;

class PageViewTest {

    private static final PageView PAGE = PageReader.read(Fixtures.resource("page_every_property_type.json"));

    @Test
    void page_fields() {
        assertEquals("59833787-2cf9-4fdf-8782-e53db20768a5", PAGE.id());
        assertEquals(new PageParent("data_source_id", "36100975-e919-815a-b6ae-000b00e9b9ac",
                "36100975-e919-81c8-9d72-d7ee85ed47c2", "36100975-e919-815a-b6ae-000b00e9b9ac"), PAGE.parent());
        assertTrue(PAGE.parent().isDatabaseRow());
        assertEquals(Instant.parse("2026-07-04T08:48:00Z"), PAGE.createdTime());
        assertEquals(Instant.parse("2026-07-04T09:11:00Z"), PAGE.lastEditedTime());
        assertFalse(PAGE.inTrash());
        assertFalse(PAGE.archived());
        assertEquals("https://app.notion.com/p/Launch-598337872cf94fdf8782e53db20768a5", PAGE.url());
        assertEquals(46, PAGE.properties().size());
        assertEquals("Name", PAGE.properties().keySet().iterator().next(), "Notion's order is kept");
    }

    @Test
    void properties_by_id_accept_encoded_and_decoded_ids() {
        assertEquals(Optional.of("Channel"), PAGE.propertyName("J%7C%3F%7C"));
        assertEquals(Optional.of("Channel"), PAGE.propertyName("J|?|"));
        assertEquals("YouTube", PAGE.propertyById("J%7C%3F%7C"));
        assertEquals("Docs at notion.com ✓ 🎉", PAGE.propertyById(":Nf@"));
        assertNull(PAGE.propertyById("nope"));
        Map<String, Object> changed = PAGE.propertiesById(List.of("st%3A", "title", "unknown", "b%3D%3D"));
        assertEquals(List.of("Name", "Budget", "Status"), List.copyOf(changed.keySet()), "in page order");
        assertEquals("In progress", changed.get("Status"));
    }

    @Test
    void percent_decoding_leaves_odd_input_alone() {
        assertEquals("a+b", PropertyIds.decode("a+b"));
        assertEquals("%zz%4", PropertyIds.decode("%zz%4"));
        assertEquals("é", PropertyIds.decode("%C3%A9"));
        assertNull(PropertyIds.decode(null));
    }

    @Test
    void trash_reads_in_trash_or_the_older_archived_alias() {
        ObjectNode page = (ObjectNode) Fixtures.resource("page_every_property_type.json");
        page.remove("in_trash");
        page.put("archived", true);
        page.put("is_archived", true);
        PageView old = PageReader.read(page);
        assertTrue(old.inTrash());
        assertTrue(old.archived());
        page.put("in_trash", false);
        assertFalse(PageReader.read(page).inTrash(), "in_trash wins when both are present");
    }

    @Test
    void parents_of_other_kinds() {
        assertEquals(new PageParent("database_id", "db1", "db1", null),
                PageParent.fromJson(Fixtures.parse("{\"type\":\"database_id\",\"database_id\":\"db1\"}")));
        PageParent workspace = PageParent.fromJson(Fixtures.parse("{\"type\":\"workspace\",\"workspace\":true}"));
        assertEquals("workspace", workspace.type());
        assertNull(workspace.id());
        assertFalse(workspace.isDatabaseRow());
        assertEquals("pg", PageParent.fromJson(Fixtures.parse("{\"type\":\"page_id\",\"page_id\":\"pg\"}")).id());
    }

    @Test
    void only_pages_are_read() {
        assertThrows(IllegalArgumentException.class, () -> PageReader.read(Fixtures.json("users_me_bot.json")));
        assertThrows(IllegalArgumentException.class, () -> PageReader.read(null));
    }
}
