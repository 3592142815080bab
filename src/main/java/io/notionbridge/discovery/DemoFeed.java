package io.notionbridge.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;

/**
 * The demo feed: realistic signals about 16 companies ({@code demo/signals.json}), loaded in sandbox mode when the
 * store holds no signal yet, through the same intake code as {@code POST /api/signals}, so the push job's first run
 * visibly creates and updates pages in the sandbox's demo CRM. Each signal's {@code detected_days_ago} becomes its
 * {@code detected_at}, counted back from now.
 */
public final class DemoFeed {

    public static final String RESOURCE = "demo/signals.json";

    private DemoFeed() {
    }

    /** The feed's signals as an intake request body, detection times relative to {@code clock}. */
    public static byte[] body(Clock clock) {
        try (InputStream in = DemoFeed.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode doc = NotionJson.MAPPER.readTree(in);
            Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
            ArrayNode out = NotionJson.array();
            for (JsonNode s : doc.path("signals")) {
                ObjectNode o = s.deepCopy();
                long days = o.path("detected_days_ago").asLong(0);
                o.remove("detected_days_ago");
                o.put("detected_at", now.minus(Duration.ofDays(days)).toString());
                out.add(o);
            }
            return NotionJson.MAPPER.writeValueAsBytes(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Loads the feed when the store holds no signal; returns the intake's answer, or null when it was not loaded. */
    public static IntakeAnswer loadIfEmpty(SignalStore store, SignalIntake intake, Clock clock) {
        if (!store.isEmpty()) {
            return null;
        }
        return intake.accept(body(clock), null);
    }
}
