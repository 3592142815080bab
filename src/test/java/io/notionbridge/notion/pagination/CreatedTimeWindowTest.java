package io.notionbridge.notion.pagination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import io.notionbridge.notion.Fixtures;
import org.junit.jupiter.api.Test;

class CreatedTimeWindowTest {

    private static final CreatedTimeWindow W = new CreatedTimeWindow(Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-01-01T00:05:00Z"));

    @Test
    void filters_join_the_callers_filter_with_and() {
        assertEquals(Fixtures.parse("{\"and\":[{\"timestamp\":\"created_time\",\"created_time\":{\"on_or_after\":"
                + "\"2026-01-01T00:00:00Z\"}},{\"timestamp\":\"created_time\",\"created_time\":{\"before\":"
                + "\"2026-01-01T00:05:00Z\"}}]}"), W.filter(null));
        String single = "{\"property\":\"Stage\",\"status\":{\"equals\":\"Lead\"}}";
        assertEquals(Fixtures.parse(single), W.filter(Fixtures.parse(single)).get("and").get(0));
        String or = "{\"or\":[" + single + "," + single + "]}";
        assertEquals(Fixtures.parse(or), W.filter(Fixtures.parse(or)).get("and").get(0), "an or stays one item");
        String and = "{\"and\":[" + single + ",{\"property\":\"Done\",\"checkbox\":{\"equals\":false}}]}";
        assertEquals(4, W.filter(Fixtures.parse(and)).get("and").size(), "a top-level and is extended, not nested");
    }

    @Test
    void halves_split_on_minutes_until_one_minute_remains() {
        List<CreatedTimeWindow> h = W.halves();
        assertEquals(Instant.parse("2026-01-01T00:02:00Z"), h.get(0).until(), "2.5 min rounded down to the minute");
        assertEquals(h.get(0).until(), h.get(1).from());
        CreatedTimeWindow two = new CreatedTimeWindow(W.from(), W.from().plusSeconds(120));
        assertTrue(two.splittable());
        assertEquals(List.of(60L, 60L), two.halves().stream()
                .map(w -> w.until().getEpochSecond() - w.from().getEpochSecond()).toList());
        CreatedTimeWindow one = new CreatedTimeWindow(W.from(), W.from().plusSeconds(60));
        assertFalse(one.splittable());
        assertThrows(IllegalStateException.class, one::halves);
        assertThrows(IllegalArgumentException.class, () -> new CreatedTimeWindow(W.until(), W.from()));
    }
}
