package io.notionbridge.warehouse;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;

/**
 * The incremental rule. Notion rounds {@code last_edited_time} down to the minute, so a second edit later in the same
 * minute keeps the same {@code last_edited_time}. Therefore:
 * <ul>
 *   <li>a run asks for {@code last_edited_time on_or_after W} (inclusive), sorted ascending, where W is the
 *       watermark; pages it already has come back {@code unchanged} by content hash;</li>
 *   <li>after a run that started at {@code T}, W moves to the start of the minute {@code T - buffer} falls in, never
 *       further: every minute before that one had fully passed when the run started, so no edit can still be stamped
 *       with it, while edits in that minute and later are read again by the next run.</li>
 * </ul>
 * The buffer (60 s by default) covers Notion's indexing delay and clock skew between the bridge and Notion.
 */
public final class Watermark {

    private Watermark() {
    }

    public static Instant minute(Instant t) {
        return t.truncatedTo(ChronoUnit.MINUTES);
    }

    /** The watermark after a complete run that started at {@code runStart}; never moves back. */
    public static Instant next(Instant previous, Instant runStart, Duration buffer) {
        Instant candidate = minute(runStart.minus(buffer));
        return previous != null && previous.isAfter(candidate) ? previous : candidate;
    }

    /**
     * Query body of an incremental walk: pages edited on or after {@code from} (every page when null), oldest edit
     * first; {@code inTrash} walks the trash instead.
     */
    public static ObjectNode incrementalQuery(Instant from, boolean inTrash) {
        ObjectNode body = NotionJson.object();
        if (from != null) {
            ObjectNode filter = body.putObject("filter");
            filter.put("timestamp", "last_edited_time");
            filter.putObject("last_edited_time").put("on_or_after", from.toString());
        }
        body.putArray("sorts").addObject().put("timestamp", "last_edited_time").put("direction", "ascending");
        if (inTrash) {
            body.put("in_trash", true);
        }
        return body;
    }

    /**
     * Query body of a full refresh: every page, oldest creation first (a page edited during the walk keeps its place,
     * a page created during it comes last).
     */
    public static ObjectNode fullQuery(boolean inTrash) {
        ObjectNode body = NotionJson.object();
        body.putArray("sorts").addObject().put("timestamp", "created_time").put("direction", "ascending");
        if (inTrash) {
            body.put("in_trash", true);
        }
        return body;
    }
}
