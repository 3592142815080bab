package io.notionbridge.notion.pagination;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.notion.NotionJson;

/**
 * A half-open range {@code [from, until)} of page {@code created_time}, used to split a data-source query that hit
 * Notion's 10,000-result cap. Notion rounds {@code created_time} down to the minute, so windows are split on minute
 * boundaries and a one-minute window cannot be split further.
 */
public record CreatedTimeWindow(Instant from, Instant until) {

    public CreatedTimeWindow {
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("empty created_time window [" + from + ", " + until + ")");
        }
    }

    /** True when both halves would still be at least a minute long. */
    public boolean splittable() {
        return Duration.between(from, until).compareTo(Duration.ofMinutes(2)) >= 0;
    }

    /** The two halves, split at the middle rounded down to the minute. */
    public List<CreatedTimeWindow> halves() {
        if (!splittable()) {
            throw new IllegalStateException("window " + this + " is too short to split");
        }
        Instant mid = from.plus(Duration.between(from, until).dividedBy(2)).truncatedTo(ChronoUnit.MINUTES);
        if (!mid.isAfter(from)) {
            mid = from.plus(Duration.ofMinutes(1));
        }
        return List.of(new CreatedTimeWindow(from, mid), new CreatedTimeWindow(mid, until));
    }

    /**
     * The caller's query filter narrowed to this window: the two {@code timestamp: created_time} conditions are
     * appended to the caller's top-level {@code and}, or joined with the caller's filter under a new {@code and}
     * (keeping Notion's two-level nesting limit where the caller's filter allowed it).
     */
    public ObjectNode filter(JsonNode callerFilter) {
        ArrayNode and = NotionJson.array();
        if (callerFilter != null && !callerFilter.isNull() && !callerFilter.isMissingNode()) {
            if (callerFilter.isObject() && callerFilter.size() == 1 && callerFilter.path("and").isArray()) {
                and.addAll((ArrayNode) callerFilter.get("and").deepCopy());
            } else {
                and.add(callerFilter.deepCopy());
            }
        }
        and.add(condition("on_or_after", from));
        and.add(condition("before", until));
        ObjectNode filter = NotionJson.object();
        filter.set("and", and);
        return filter;
    }

    private static ObjectNode condition(String operator, Instant at) {
        ObjectNode c = NotionJson.object();
        c.put("timestamp", "created_time");
        c.putObject("created_time").put(operator, at.toString());
        return c;
    }

    @Override
    public String toString() {
        return "[" + from + ", " + until + ")";
    }
}
