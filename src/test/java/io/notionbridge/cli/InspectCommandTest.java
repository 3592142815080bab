package io.notionbridge.cli;

import static io.notionbridge.notion.JsonAssert.assertJsonEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.notion.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InspectCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = BridgeCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return BridgeCli.execute(cl, args);
    }

    private Path resource(String name) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, Fixtures.resource(name).toString());
        return file;
    }

    @Test
    void prints_a_pages_properties_as_flat_json() throws IOException {
        assertEquals(0, run("inspect", resource("page_every_property_type.json").toString()));
        assertJsonEquals(Fixtures.resource("page_every_property_type.flat.json"), Fixtures.parse(out.toString()));
        assertTrue(out.toString().contains("\n  \"properties\" : {"), "pretty-printed");
        assertEquals("", err.toString());
    }

    @Test
    void prints_the_recorded_automation_webhook_with_the_note_on_stderr() {
        assertEquals(0, run("inspect", Fixtures.path("automation_webhook_send_webhook_action.json").toString()));
        JsonNode printed = Fixtures.parse(out.toString());
        assertEquals("36100975-e919-81bb-a013-e800f1c31aa7", printed.get("id").asText());
        assertEquals("Investigate Notion integration", printed.get("properties").get("Name").asText());
        assertEquals("Go", printed.get("properties").get("Go/NoGo").asText());
        assertTrue(err.toString().startsWith("note: read the body of a captured request"), err.toString());
    }

    @Test
    void prints_an_array_for_a_list() {
        assertEquals(0, run("inspect", Fixtures.path("search_response_page_or_data_source.json").toString()));
        JsonNode printed = Fixtures.parse(out.toString());
        assertTrue(printed.isArray());
        assertEquals("393abc1e-edcd-80f3-813b-e205934558c6", printed.get(0).get("id").asText());
        assertEquals("", printed.get(0).get("properties").get("title").asText());
    }

    @Test
    void a_webhook_event_gets_a_note_instead_of_values() throws IOException {
        assertEquals(0, run("inspect", resource("webhook_page_properties_updated.json").toString()));
        assertTrue(out.toString().startsWith("note: webhook event page.properties_updated carries no property values"),
                out.toString());
        assertTrue(out.toString().contains("GET /v1/pages/153104cd-477e-809d-8dc4-ff2d96ae3090"));
    }

    @Test
    void a_missing_file_is_a_one_line_error() {
        Path missing = tmp.resolve("nope.json");
        assertEquals(1, run("inspect", missing.toString()));
        assertEquals("error: cannot read " + missing + ": no such file; pass the path of a saved Notion JSON payload",
                err.toString().strip());
        assertEquals("", out.toString());
    }

    @Test
    void bad_json_is_a_one_line_error_with_the_position() throws IOException {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"object\": \"page\",\n  \"id\": }");
        assertEquals(1, run("inspect", bad.toString()));
        String e = err.toString().strip();
        assertTrue(e.startsWith("error: " + bad + " is not valid JSON (line 2, column"), e);
        assertTrue(e.endsWith("; save the payload exactly as received"), e);
        assertEquals(1, e.lines().count());
        Path empty = tmp.resolve("empty.json");
        Files.writeString(empty, "  ");
        assertEquals(1, run("inspect", empty.toString()));
        assertTrue(err.toString().contains(empty + " is empty"), err.toString());
    }

    @Test
    void an_unrecognised_shape_is_a_one_line_error_saying_what_to_pass() {
        assertEquals(1, run("inspect", Fixtures.path("users_me_bot.json").toString()));
        String e = err.toString().strip();
        assertTrue(e.startsWith("error: " + Fixtures.path("users_me_bot.json") + " is not a Notion page, list, "
                + "automation webhook or webhook event (object: user;"), e);
        assertTrue(e.endsWith("; pass a page, a query/search response or a webhook payload"), e);
        assertEquals(1, e.lines().count());
    }

    @Test
    void help_and_missing_argument() {
        assertEquals(0, run("inspect", "--help"));
        assertTrue(out.toString().contains("Usage: notion-bridge inspect"), out.toString());
        assertEquals(2, run("inspect"));
        assertTrue(err.toString().contains("missing required parameter: 'FILE'"), err.toString());
    }
}
