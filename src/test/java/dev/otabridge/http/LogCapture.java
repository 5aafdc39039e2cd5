package dev.otabridge.http;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * What the bundle in this JVM logs at WARN and above while it is open: each line with its level, and whether it carried
 * a trace.
 */
public final class LogCapture implements AutoCloseable {

    /** One logged line: its level, its text (with the trace's first line, if any), whether it had a trace. */
    public record Line(Level level, String text, boolean traced) {}

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final Queue<Line> lines = new ConcurrentLinkedQueue<>();
    private final String name = "log-capture-" + NAMES.incrementAndGet();
    private final LoggerContext logs = (LoggerContext) LogManager.getContext(false);

    public LogCapture() {
        AbstractAppender appender = new AbstractAppender(name, null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                String thrown = event.getThrown() == null ? "" : " " + event.getThrown();
                lines.add(new Line(
                        event.getLevel(),
                        event.getMessage().getFormattedMessage() + thrown,
                        event.getThrown() != null));
            }
        };
        appender.start();
        logs.getConfiguration().getRootLogger().addAppender(appender, Level.WARN, null);
        logs.updateLoggers();
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        logs.getConfiguration().getRootLogger().removeAppender(name);
        logs.updateLoggers();
    }
}
