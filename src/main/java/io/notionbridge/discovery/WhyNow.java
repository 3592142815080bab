package io.notionbridge.discovery;

import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The CRM's "why now" line for a prospect: which signal types were seen, from how many sources, the score, and the
 * date of the latest signal, e.g.
 * {@code funding_post, github_star_spike from 2 sources (github, news); score 0.828; latest signal 2026-07-01}.
 */
public final class WhyNow {

    private WhyNow() {
    }

    public static String line(Prospect p) {
        GateResult r = p.result();
        StringBuilder sb = new StringBuilder();
        sb.append(r.signalTypes().isEmpty() ? "no signal types" : String.join(", ", r.signalTypes()));
        int sources = r.sources().size();
        sb.append(" from ").append(sources).append(sources == 1 ? " source" : " sources");
        if (sources > 0) {
            sb.append(" (").append(String.join(", ", r.sources())).append(')');
        }
        sb.append("; score ").append(score(r.score()));
        if (p.latestSignalAt() != null) {
            sb.append("; latest signal ").append(p.latestSignalAt().atZone(ZoneOffset.UTC).toLocalDate());
        }
        return sb.toString();
    }

    /** A score with at most 4 decimals and no trailing zeros ({@code 0.828}, {@code 1.0}). */
    static String score(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }
}
