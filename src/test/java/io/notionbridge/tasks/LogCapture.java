package io.notionbridge.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** Collects the log events of the whole JVM while open: level, message and MDC. */
public final class LogCapture extends AbstractAppender implements AutoCloseable {

    /** One captured line. */
    public record Line(Level level, String logger, String message, Map<String, String> mdc) {
        public String correlationId() {
            return mdc.get("bridge.correlationId");
        }
    }

    private final List<Line> lines = new ArrayList<>();

    private LogCapture() {
        super("capture-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY);
    }

    public static LogCapture capture() {
        LogCapture c = new LogCapture();
        c.start0();
        return c;
    }

    private void start0() {
        start();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getRootLogger().addAppender(this, Level.ALL, null);
        ctx.updateLoggers();
    }

    @Override
    public synchronized void append(LogEvent event) {
        lines.add(new Line(event.getLevel(), event.getLoggerName(), event.getMessage().getFormattedMessage(),
                Map.copyOf(event.getContextData().toMap())));
    }

    public synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    public List<Line> containing(String text) {
        return lines().stream().filter(l -> l.message().contains(text)).toList();
    }

    @Override
    public void close() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        ctx.getConfiguration().getRootLogger().removeAppender(getName());
        ctx.updateLoggers();
        stop();
    }
}
