package io.notionbridge.sandbox.limit;

import java.util.Locale;

/**
 * How the sandbox limits {@code /v1} requests, like Notion: {@code AVERAGE} (a token bucket: an average rate per second
 * with bursts, Notion's classic "three requests per second"), {@code WINDOW} (a fixed budget per 60-second window,
 * Notion's 2026 model) or {@code OFF}; plus an optional workspace limit (a budget per longer window, so its
 * {@code Retry-After} can exceed 60 s).
 *
 * <p>Text form, as in properties and on the command line: {@code off}, {@code average:3:10} (rate 3/s, burst 10),
 * {@code window:180} (180 per 60 s). Workspace limit: {@code 1000:120} (1000 per 120 s) or {@code off}.
 */
public record RateLimitSettings(Mode mode, double ratePerSecond, int burst, int windowBudget, int workspaceBudget,
                                int workspaceWindowSeconds) {

    public enum Mode { OFF, AVERAGE, WINDOW }

    public static final int WINDOW_SECONDS = 60;

    public static RateLimitSettings off() {
        return new RateLimitSettings(Mode.OFF, 0, 0, 0, 0, 0);
    }

    /** Notion's classic limit: an average of 3 requests/s, bursts up to 10. */
    public static RateLimitSettings defaults() {
        return average(3, 10);
    }

    public static RateLimitSettings average(double ratePerSecond, int burst) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be > 0 and burst ≥ 1, got " + ratePerSecond + " and " + burst);
        }
        return new RateLimitSettings(Mode.AVERAGE, ratePerSecond, burst, 0, 0, 0);
    }

    public static RateLimitSettings window(int budgetPer60s) {
        if (budgetPer60s < 1) {
            throw new IllegalArgumentException("window budget must be ≥ 1, got " + budgetPer60s);
        }
        return new RateLimitSettings(Mode.WINDOW, 0, 0, budgetPer60s, 0, 0);
    }

    /** The same connection limit with a workspace limit of {@code budget} requests per {@code windowSeconds}. */
    public RateLimitSettings withWorkspaceLimit(int budget, int windowSeconds) {
        if (budget < 0 || (budget > 0 && windowSeconds < 1)) {
            throw new IllegalArgumentException("workspace limit needs a budget ≥ 0 and a window ≥ 1 s");
        }
        return new RateLimitSettings(mode, ratePerSecond, burst, windowBudget, budget, windowSeconds);
    }

    public boolean workspaceLimited() {
        return workspaceBudget > 0;
    }

    /** Parses {@code off}, {@code average[:RATE[:BURST]]} or {@code window[:BUDGET]}. */
    public static RateLimitSettings parse(String spec) {
        String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
        String[] parts = s.split(":");
        try {
            return switch (parts[0]) {
                case "off", "none", "" -> off();
                case "average" -> average(parts.length > 1 ? Double.parseDouble(parts[1]) : 3,
                        parts.length > 2 ? Integer.parseInt(parts[2]) : 10);
                case "window" -> window(parts.length > 1 ? Integer.parseInt(parts[1]) : 180);
                default -> throw new IllegalArgumentException("unknown rate limit mode '" + parts[0] + "'");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad rate limit '" + spec + "': use off, average:RATE:BURST or window:BUDGET", e);
        }
    }

    /** Parses a workspace limit {@code BUDGET:WINDOW_SECONDS} or {@code off} onto these settings. */
    public RateLimitSettings withWorkspaceLimit(String spec) {
        String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.equals("off") || s.equals("none")) {
            return withWorkspaceLimit(0, 0);
        }
        String[] parts = s.split(":");
        try {
            return withWorkspaceLimit(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 120);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad workspace limit '" + spec + "': use BUDGET:WINDOW_SECONDS or off", e);
        }
    }

    /** The text form of these settings, as {@link #parse} reads it. */
    public String describe() {
        String base = switch (mode) {
            case OFF -> "off";
            case AVERAGE -> "average:" + (ratePerSecond == Math.rint(ratePerSecond) ? String.valueOf((long) ratePerSecond)
                    : String.valueOf(ratePerSecond)) + ":" + burst;
            case WINDOW -> "window:" + windowBudget;
        };
        return workspaceLimited() ? base + " (workspace " + workspaceBudget + ":" + workspaceWindowSeconds + ")" : base;
    }
}
