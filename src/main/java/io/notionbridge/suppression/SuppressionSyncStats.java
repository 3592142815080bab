package io.notionbridge.suppression;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one suppression sync did: the figures the log line, the CLI summary, the JSON answer, the watermark row and
 * the job run history all show.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SuppressionSyncStats {

    /** At most this many error messages are kept (the count keeps counting). */
    static final int MAX_ERRORS_LISTED = 20;

    public String mode;
    public boolean dryRun;
    public Instant startedAt;
    public Instant finishedAt;
    public long durationMs;
    public int notionRequests;
    public int pagesFetched;
    public int entriesProcessed;
    public int withKey;
    public int withoutKey;
    public int strongKeys;
    public int weakKeys;
    public int entriesSynced;
    public int trashedRemoved;
    public int missingRemoved;
    public int expiredCleaned;
    public int errors;
    public List<String> errorMessages = new ArrayList<>();
    public List<String> pagesWithoutKey = new ArrayList<>();
    public Instant watermark;

    void error(String message) {
        errors++;
        if (errorMessages.size() < MAX_ERRORS_LISTED) {
            errorMessages.add(message);
        }
    }

    void finish(Instant end) {
        finishedAt = end;
        durationMs = Duration.between(startedAt, end).toMillis();
    }

    /** The readable summary the CLI prints. */
    public String summary() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("Suppression sync (%s%s): %s -> %s, %d ms%n", mode, dryRun ? ", dry run: nothing written" : "",
                startedAt, finishedAt, durationMs));
        b.append(String.format("  pages fetched       %d in %d Notion request(s)%n", pagesFetched, notionRequests));
        b.append(String.format("  entries processed   %d (with key %d: strong %d, weak %d; without key %d)%n",
                entriesProcessed, withKey, strongKeys, weakKeys, withoutKey));
        b.append(String.format("  entries synced      %d%n", entriesSynced));
        b.append(String.format("  removed             %d trashed in Notion, %d no longer in the CRM, %d expired%n",
                trashedRemoved, missingRemoved, expiredCleaned));
        b.append(String.format("  errors              %d%n", errors));
        errorMessages.forEach(m -> b.append("    - ").append(m).append('\n'));
        if (!pagesWithoutKey.isEmpty()) {
            b.append("  pages without a usable key: ").append(String.join(", ", pagesWithoutKey)).append('\n');
        }
        return b.toString();
    }

    /** One log line. */
    public String logLine() {
        return String.format("Suppression sync %s%s done in %d ms: %d pages in %d requests, %d with key (%d strong, %d weak),"
                        + " %d without, %d synced, %d trashed removed, %d missing removed, %d expired, %d errors", mode,
                dryRun ? " (dry run)" : "", durationMs, pagesFetched, notionRequests, withKey, strongKeys, weakKeys, withoutKey,
                entriesSynced, trashedRemoved, missingRemoved, expiredCleaned, errors);
    }
}
