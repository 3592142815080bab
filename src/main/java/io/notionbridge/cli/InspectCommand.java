package io.notionbridge.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.notionbridge.config.BridgeException;
import io.notionbridge.notion.NotionJson;
import io.notionbridge.notion.inspect.Inspection;
import io.notionbridge.notion.inspect.PayloadInspector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inspect FILE}: shows what the bridge reads from a Notion payload: each page's properties as flat JSON
 * (property name to plain value). Works offline on a saved page, query/search response, automation webhook or
 * webhook event.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Print the properties the bridge reads from a saved Notion payload, as flat JSON.",
                "FILE holds a page, a list (query or search response), a database automation webhook payload, "
                        + "or an integration webhook event (which carries ids only)."})
public class InspectCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "JSON file to read")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Inspection inspection;
        try {
            inspection = PayloadInspector.inspect(read());
        } catch (IllegalArgumentException unrecognised) {
            throw new BridgeException(file + " is " + unrecognised.getMessage()
                    + "; pass a page, a query/search response or a webhook payload");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JsonNode output = inspection.output();
        // with JSON to print, notes go to stderr so stdout stays valid JSON
        inspection.notes().forEach(n -> (output == null ? out : err).println("note: " + n));
        if (output != null) {
            out.println(NotionJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(output));
        }
        out.flush();
        err.flush();
        return 0;
    }

    private JsonNode read() throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException missing) {
            throw new BridgeException("cannot read " + file + ": no such file; pass the path of a saved Notion JSON "
                    + "payload");
        } catch (IOException unreadable) {
            throw new BridgeException("cannot read " + file + ": " + unreadable.getMessage()
                    + "; check the path and its permissions");
        }
        try {
            JsonNode json = NotionJson.MAPPER.readTree(text);
            if (json == null || json.isMissingNode()) {
                throw new BridgeException(file + " is empty; pass a file holding a Notion JSON payload");
            }
            return json;
        } catch (JsonProcessingException bad) {
            JsonLocation at = bad.getLocation();
            throw new BridgeException(file + " is not valid JSON" + (at == null ? "" : " (line " + at.getLineNr()
                    + ", column " + at.getColumnNr() + ")") + ": " + bad.getOriginalMessage().lines().findFirst()
                    .orElse("") + "; save the payload exactly as received");
        }
    }
}
