package io.notionbridge.sandbox.observe;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.notionbridge.sandbox.model.Json;

/**
 * The log of answered {@code /v1} requests (the newest {@code capacity} kept) and counters over all of them: total,
 * per endpoint and status, per status, per injected fault, 429s. Tests and benchmarks read both, through Java or
 * {@code GET /_sandbox/requests} and {@code GET /_sandbox/counters}.
 */
public final class RequestLog {

    private final int capacity;
    private final Deque<RequestLogEntry> entries = new ArrayDeque<>();
    private final Map<String, Map<Integer, Long>> byEndpoint = new TreeMap<>();
    private final Map<Integer, Long> byStatus = new TreeMap<>();
    private final Map<String, Long> byFault = new TreeMap<>();
    private long total;
    private long seq;

    public RequestLog(int capacity) {
        this.capacity = capacity;
    }

    public synchronized long nextSeq() {
        return ++seq;
    }

    public synchronized void record(RequestLogEntry e) {
        entries.addLast(e);
        while (entries.size() > capacity) {
            entries.removeFirst();
        }
        total++;
        byEndpoint.computeIfAbsent(e.endpoint(), k -> new TreeMap<>()).merge(e.status(), 1L, Long::sum);
        byStatus.merge(e.status(), 1L, Long::sum);
        if (e.fault() != null) {
            byFault.merge(e.fault(), 1L, Long::sum);
        }
    }

    /** The kept entries, oldest first. */
    public synchronized List<RequestLogEntry> entries() {
        return new ArrayList<>(entries);
    }

    public synchronized List<RequestLogEntry> entries(Predicate<RequestLogEntry> filter) {
        return entries.stream().filter(filter).toList();
    }

    public synchronized long total() {
        return total;
    }

    /** Requests answered with {@code status}. */
    public synchronized long count(int status) {
        return byStatus.getOrDefault(status, 0L);
    }

    /** Requests to {@code endpoint} (e.g. {@code "POST /v1/pages"}), any status. */
    public synchronized long count(String endpoint) {
        return byEndpoint.getOrDefault(endpoint, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    public synchronized long count(String endpoint, int status) {
        return byEndpoint.getOrDefault(endpoint, Map.of()).getOrDefault(status, 0L);
    }

    /** Requests hit by an injected fault, per kind ({@code drop}, {@code status 503}, {@code committed_then_503}). */
    public synchronized Map<String, Long> faultCounts() {
        return new TreeMap<>(byFault);
    }

    public synchronized void reset() {
        entries.clear();
        byFault.clear();
        byEndpoint.clear();
        byStatus.clear();
        total = 0;
    }

    /**
     * {@code {"total":N,"rate_limited":N,"by_status":{"200":N},"by_fault":{"drop":N},
     * "by_endpoint":{"GET /v1/users/me":{"200":N}}}}.
     */
    public synchronized ObjectNode countersJson() {
        ObjectNode o = Json.object();
        o.put("total", total);
        o.put("rate_limited", byStatus.getOrDefault(429, 0L));
        ObjectNode s = o.putObject("by_status");
        byStatus.forEach((k, v) -> s.put(String.valueOf(k), v));
        ObjectNode f = o.putObject("by_fault");
        byFault.forEach(f::put);
        ObjectNode ep = o.putObject("by_endpoint");
        byEndpoint.forEach((k, m) -> {
            ObjectNode e = ep.putObject(k);
            m.forEach((st, n) -> e.put(String.valueOf(st), n));
        });
        return o;
    }
}
