package dev.mcpver.log;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

/** A logger that formats each event as a JSON line; implements {@link LoggingEventAware} to keep key-values. */
final class JsonLogger extends AbstractLogger implements LoggingEventAware {
    private static final long serialVersionUID = 1L;

    private final boolean ours;

    JsonLogger(String name) {
        this.name = name;
        this.ours = name.startsWith("dev.mcpver");
    }

    /**
     * Our own events pass at the configured level. Libraries (Jetty, Flyway, Javalin) chatter at INFO about
     * internals, so they pass from WARN up unless the operator asked for DEBUG or TRACE.
     */
    private boolean enabled(Level level) {
        LogLevel threshold = JsonLogging.level();
        if (!ours && threshold == LogLevel.INFO) {
            return LogLevel.WARN.admits(level);
        }
        return threshold.admits(level);
    }

    @Override
    public void log(LoggingEvent event) {
        if (!enabled(event.getLevel())) {
            return;
        }
        List<KeyValuePair> keyValues = event.getKeyValuePairs() == null ? List.of() : event.getKeyValuePairs();
        // The fluent API leaves the timestamp at 0 unless the caller sets one.
        long ts = event.getTimeStamp() > 0 ? event.getTimeStamp() : System.currentTimeMillis();
        emit(
                ts,
                event.getLevel(),
                render(event.getMessage(), event.getArgumentArray()),
                keyValues,
                event.getThrowable());
    }

    @Override
    protected void handleNormalizedLoggingCall(
            Level level,
            @Nullable Marker marker,
            @Nullable String messagePattern,
            Object @Nullable [] arguments,
            @Nullable Throwable throwable) {
        emit(System.currentTimeMillis(), level, render(messagePattern, arguments), List.of(), throwable);
    }

    private void emit(long ts, Level level, String message, List<KeyValuePair> keyValues, @Nullable Throwable error) {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        String line =
                JsonLineFormatter.format(ts, level, name, message, keyValues, mdc == null ? Map.of() : mdc, error);
        JsonLogging.sink().println(line);
    }

    private static String render(@Nullable String pattern, Object @Nullable [] arguments) {
        if (pattern == null) {
            return "";
        }
        return arguments == null || arguments.length == 0
                ? pattern
                : MessageFormatter.basicArrayFormat(pattern, arguments);
    }

    @Override
    protected @Nullable String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isTraceEnabled(Marker marker) {
        return isTraceEnabled();
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isDebugEnabled(Marker marker) {
        return isDebugEnabled();
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isInfoEnabled(Marker marker) {
        return isInfoEnabled();
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isWarnEnabled(Marker marker) {
        return isWarnEnabled();
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    public boolean isErrorEnabled(Marker marker) {
        return isErrorEnabled();
    }
}
