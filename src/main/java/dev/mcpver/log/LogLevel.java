package dev.mcpver.log;

import java.util.Locale;
import java.util.Optional;
import org.slf4j.event.Level;

/** Threshold levels, ordered from most to least verbose; {@code OFF} silences everything. */
public enum LogLevel {
    TRACE,
    DEBUG,
    INFO,
    WARN,
    ERROR,
    OFF;

    /** Parses {@code trace|debug|info|warn|error|off} in any case. */
    public static Optional<LogLevel> parse(String text) {
        for (LogLevel level : values()) {
            if (level.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    boolean admits(Level eventLevel) {
        return this != OFF && eventLevel.toInt() >= toSlf4j().toInt();
    }

    private Level toSlf4j() {
        return switch (this) {
            case TRACE -> Level.TRACE;
            case DEBUG -> Level.DEBUG;
            case INFO -> Level.INFO;
            case WARN -> Level.WARN;
            case ERROR, OFF -> Level.ERROR;
        };
    }
}
