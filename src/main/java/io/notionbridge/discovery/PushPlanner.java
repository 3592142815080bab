package io.notionbridge.discovery;

import java.util.Comparator;
import java.util.List;

/**
 * The order a push run works through its prospects: highest score first (ties by canonical key, so runs are
 * repeatable), at most {@code limit} of them; the rest wait for the next run.
 */
public final class PushPlanner {

    /** The prospects to process now, in order, and how many were left for a later run. */
    public record Plan(List<Prospect> prospects, int deferred) {
    }

    static final Comparator<Prospect> HIGHEST_SCORE_FIRST =
            Comparator.comparingDouble(Prospect::score).reversed().thenComparing(Prospect::canonicalKey);

    private PushPlanner() {
    }

    /** @param limit most prospects to process, or null for all */
    public static Plan plan(List<Prospect> prospects, Integer limit) {
        List<Prospect> sorted = prospects.stream().sorted(HIGHEST_SCORE_FIRST).toList();
        if (limit == null || limit >= sorted.size()) {
            return new Plan(sorted, 0);
        }
        return new Plan(sorted.subList(0, limit), sorted.size() - limit);
    }
}
