package dev.mcpver.log;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Process-wide settings of the JSON log backend: the threshold and the sink.
 *
 * <p>The level starts from {@code MCPVER_LOG_LEVEL} (default {@code info}) when the first logger is created, and
 * the composition root may change it once the configuration is validated.
 */
public final class JsonLogging {
    private static volatile LogLevel level = initialLevel(System.getenv());
    private static volatile PrintStream sink = stderr();

    private JsonLogging() {}

    public static LogLevel level() {
        return level;
    }

    public static void setLevel(LogLevel level) {
        JsonLogging.level = Objects.requireNonNull(level);
    }

    /** Redirects the lines (tests capture them this way). Returns the previous sink. */
    public static synchronized PrintStream redirect(PrintStream newSink) {
        PrintStream previous = sink;
        sink = Objects.requireNonNull(newSink);
        return previous;
    }

    static PrintStream sink() {
        return sink;
    }

    static LogLevel initialLevel(Map<String, String> env) {
        String configured = env.get("MCPVER_LOG_LEVEL");
        if (configured == null || configured.isBlank()) {
            return LogLevel.INFO;
        }
        return LogLevel.parse(configured).orElse(LogLevel.INFO);
    }

    @dev.mcpver.SuppressForbidden(reason = "logs go to stderr by design: stdout carries the stdio MCP protocol")
    private static PrintStream stderr() {
        return new PrintStream(System.err, true, StandardCharsets.UTF_8);
    }
}
