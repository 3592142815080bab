package io.notionbridge.sandbox.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.notionbridge.sandbox.model.Json;

/**
 * The configured faults, changeable at run time (admin API or Java). For each {@code /v1} request it sums the latency
 * of the latency rules that fire and takes the first firing status, drop or committed-then-503 rule (for a mix rule,
 * its next fault in turn). Rules whose
 * count is spent are removed. Faults never touch the admin API.
 */
public final class FaultInjector {

    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong injected = new AtomicLong();
    private final Random random;

    public FaultInjector(long seed) {
        this.random = new Random(seed);
    }

    /** Adds a rule from its admin JSON and returns it (with its id). */
    public FaultRule add(JsonNode json) {
        FaultRule rule = FaultRule.fromJson(ids.incrementAndGet(), json);
        rules.add(rule);
        return rule;
    }

    /** Shortcut: answer {@code status} to the next {@code count} requests matching method and path. */
    public FaultRule failNext(String method, String path, int status, int count) {
        return add(Json.object().put("method", method).put("path", path).put("status", status).put("count", count));
    }

    /** Shortcut: drop the connection of the next {@code count} matching requests. */
    public FaultRule dropNext(String method, String path, int count) {
        return add(Json.object().put("method", method).put("path", path).put("drop", true).put("count", count));
    }

    /** Shortcut: apply the next {@code count} matching writes, then answer 503. */
    public FaultRule committedThen503Next(String method, String path, int count) {
        return add(Json.object().put("method", method).put("path", path).put("committed_then_503", true)
                .put("count", count));
    }

    /**
     * Restarts the random draws of {@code rate} rules from {@code seed}, so a drill that adds its rules after other
     * traffic still gets the same sequence of draws (the sandbox starts seeded with its {@code randomSeed} option).
     */
    public void reseed(long seed) {
        synchronized (random) {
            random.setSeed(seed);
        }
    }

    public boolean remove(long id) {
        return rules.removeIf(r -> r.id() == id);
    }

    public void clear() {
        rules.clear();
    }

    public ArrayNode toJson() {
        ArrayNode a = Json.array();
        rules.forEach(r -> a.add(r.toJson()));
        return a;
    }

    /** How many requests a fault (other than latency) has hit. */
    public long injectedCount() {
        return injected.get();
    }

    public void resetCount() {
        injected.set(0);
    }

    public FaultPlan plan(String method, String path) {
        if (rules.isEmpty()) {
            return FaultPlan.NONE;
        }
        long latency = 0;
        FaultRule terminal = null;
        List<FaultRule> spent = new ArrayList<>();
        for (FaultRule r : rules) {
            if (!r.matches(method, path)) {
                continue;
            }
            boolean write = method.equals("POST") || method.equals("PATCH");
            if (r.kind() == FaultRule.Kind.COMMITTED_THEN_503 && !write) {
                continue;
            }
            if (r.kind() != FaultRule.Kind.LATENCY && terminal != null) {
                continue;
            }
            boolean fired;
            synchronized (random) {
                fired = r.fire(random);
            }
            if (fired) {
                if (r.kind() == FaultRule.Kind.LATENCY) {
                    latency += r.latencyMs();
                } else {
                    terminal = r.pick(write);
                }
            }
            if (r.exhausted()) {
                spent.add(r);
            }
        }
        rules.removeAll(spent);
        if (terminal == null) {
            return latency == 0 ? FaultPlan.NONE : new FaultPlan(latency, false, null, false);
        }
        injected.incrementAndGet();
        return switch (terminal.kind()) {
            case DROP -> new FaultPlan(latency, true, null, false);
            case COMMITTED_THEN_503 -> new FaultPlan(latency, false, null, true);
            default -> new FaultPlan(latency, false, FaultErrors.forStatus(terminal.status(), terminal.retryAfterSeconds(), terminal.rateLimitReason()),
                    false);
        };
    }
}
