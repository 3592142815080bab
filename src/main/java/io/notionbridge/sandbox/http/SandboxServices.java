package io.notionbridge.sandbox.http;

import io.notionbridge.sandbox.SandboxClock;
import io.notionbridge.sandbox.fault.FaultInjector;
import io.notionbridge.sandbox.limit.RateLimiter;
import io.notionbridge.sandbox.observe.RequestLog;
import io.notionbridge.sandbox.query.FilterEvaluator;
import io.notionbridge.sandbox.render.DatabaseRenderer;
import io.notionbridge.sandbox.render.PageRenderer;
import io.notionbridge.sandbox.store.SandboxStore;
import io.notionbridge.sandbox.write.PageService;
import io.notionbridge.sandbox.write.SchemaFactory;

/** The parts of a running sandbox that the HTTP handlers use; wired once by {@code NotionSandbox}. */
public record SandboxServices(String token, SandboxStore store, SandboxClock clock, PageService pages,
                              SchemaFactory schemas, PageRenderer pageRenderer, DatabaseRenderer databaseRenderer,
                              FilterEvaluator filters, RateLimiter rateLimiter, FaultInjector faults, RequestLog requestLog,
                              java.util.function.Supplier<String> baseUrl) {
}
