package io.notionbridge.warehouse;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.notionbridge.notion.pagination.PageHandler;
import io.notionbridge.notion.pagination.Paginator;
import io.notionbridge.notion.pagination.ResultPage;

/**
 * Walks a {@link Paginator} on a thread of its own, at most {@code ahead} pages ahead of the caller, who handles the
 * pages in order on its own thread. Asking Notion for the next page while the current one is written keeps requests
 * going at the rate limit instead of waiting for the database. Errors of the walk reach the caller after the pages
 * before them; when the caller's handler fails, the walk stops at its next page.
 */
final class PrefetchingWalk {

    private static final Object END = new Object();

    /** Thrown inside the walker to stop the paginator once the caller gave up. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    private PrefetchingWalk() {
    }

    static void run(Paginator paginator, int ahead, String threadName, PageHandler handler) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(Math.max(1, ahead));
        AtomicBoolean cancelled = new AtomicBoolean();
        Thread walker = new Thread(() -> {
            Object last = END;
            try {
                paginator.forEachPage(page -> put(queue, page, cancelled));
            } catch (Cancelled stop) {
                return;
            } catch (RuntimeException | Error e) {
                last = e;
            }
            try {
                put(queue, last, cancelled);
            } catch (Cancelled stop) {
                // the caller is gone
            }
        }, threadName);
        walker.setDaemon(true);
        walker.start();
        try {
            while (true) {
                Object item = queue.take();
                if (item == END) {
                    return;
                }
                if (item instanceof RuntimeException e) {
                    throw e;
                }
                if (item instanceof Error e) {
                    throw e;
                }
                handler.onPage((ResultPage) item);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading Notion", e);
        } finally {
            cancelled.set(true);
            queue.clear();
        }
    }

    private static void put(BlockingQueue<Object> queue, Object item, AtomicBoolean cancelled) {
        try {
            while (!cancelled.get()) {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new Cancelled();
    }
}
