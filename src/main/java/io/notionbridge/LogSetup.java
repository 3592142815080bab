package io.notionbridge;

import java.util.Locale;
import java.util.Set;

/**
 * Chooses the log layout and level before the first logger exists: JSON lines when {@code BRIDGE_LOG_FORMAT=json}
 * (or {@code -Dbridge.log.format=json}), text otherwise; commands other than the long-running ones log warnings only,
 * so their output is the command's own.
 */
final class LogSetup {

    private static final Set<String> LONG_RUNNING = Set.of("run", "sandbox");

    private LogSetup() {
    }

    static void beforeFirstLogger(String[] args) {
        String format = System.getProperty("bridge.log.format", System.getenv().getOrDefault("BRIDGE_LOG_FORMAT", "text"));
        if ("json".equals(format.trim().toLowerCase(Locale.ROOT)) && System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "log4j2-json.xml");
        }
        if (System.getProperty("bridge.log.level") == null && System.getenv("BRIDGE_LOG_LEVEL") == null
                && !isLongRunning(args)) {
            System.setProperty("bridge.log.level", "WARN");
        }
    }

    static boolean isLongRunning(String[] args) {
        for (String a : args) {
            if (a.startsWith("-")) {
                continue;
            }
            return LONG_RUNNING.contains(a) || hasFlag(args, "--interval");
        }
        return true;
    }

    private static boolean hasFlag(String[] args, String flag) {
        for (String a : args) {
            if (a.equals(flag) || a.startsWith(flag + "=")) {
                return true;
            }
        }
        return false;
    }
}
