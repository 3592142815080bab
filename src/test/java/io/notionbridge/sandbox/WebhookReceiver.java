package io.notionbridge.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;

/** A local webhook endpoint for tests: records every POST and answers 500 to the first {@code failFirst} events. */
final class WebhookReceiver implements AutoCloseable {

    /** One received POST: the raw body and the signature header. */
    record Received(String body, String signature) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;

    WebhookReceiver(int failFirst) throws IOException {
        failuresLeft = new AtomicInteger(failFirst);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            received.add(new Received(body, exchange.getRequestHeaders().getFirst("X-Notion-Signature")));
            boolean isEvent = !body.contains("\"verification_token\"");
            int status = isEvent && failuresLeft.getAndDecrement() > 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits (polling, with a deadline) until {@code count} received POSTs match; returns them. */
    List<Received> await(Predicate<Received> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> hits = received.stream().filter(match).toList();
            if (hits.size() >= count) {
                return hits;
            }
            Thread.onSpinWait();
            try {
                synchronized (this) {
                    wait(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("expected " + count + " matching webhook POSTs within " + timeout + ", got "
                + received.stream().filter(match).count() + "; all received: " + received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
