package io.notionbridge.drill;

import io.notionbridge.notion.NotionJson;
import io.notionbridge.sandbox.fault.FaultInjector;

/**
 * The fault mix of the 5% drill, with a fixed seed: every Notion request has a 5% chance of failing, with a 500, 502,
 * 503, 504 or a dropped connection in turn (a sandbox {@code mix} rule, so each kind comes up); page creates and
 * updates first have a 3% chance of being applied and then answered 503 (committed then 503: the case that duplicates
 * pages when a client repeats the write).
 */
final class FaultMix {

    static final long SEED = 20_261_123L;
    static final double RATE = 0.05;
    static final double COMMITTED_THEN_503 = 0.03;

    private FaultMix() {
    }

    static void apply(FaultInjector faults) {
        faults.reseed(SEED);
        add(faults, "{\"method\":\"POST\",\"path\":\"/v1/pages\",\"committed_then_503\":true,\"rate\":" + COMMITTED_THEN_503 + "}");
        add(faults, "{\"method\":\"PATCH\",\"path\":\"/v1/pages/{id}\",\"committed_then_503\":true,\"rate\":"
                + COMMITTED_THEN_503 + "}");
        add(faults, "{\"rate\":" + RATE + ",\"mix\":[{\"status\":500},{\"status\":502},{\"status\":503},"
                + "{\"status\":504},{\"drop\":true}]}");
    }

    private static void add(FaultInjector faults, String json) {
        try {
            faults.add(NotionJson.MAPPER.readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
