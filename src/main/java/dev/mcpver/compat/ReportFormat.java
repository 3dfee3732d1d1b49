package dev.mcpver.compat;

import java.util.Locale;
import java.util.Optional;

/** Output formats of a report. */
public enum ReportFormat {
    /** The report JSON (the HTTP API's body). */
    JSON,
    /** Plain text for terminals and logs. */
    TEXT,
    /** GitHub-flavoured Markdown, ready to paste into a pull request. */
    MARKDOWN,
    /** SARIF 2.1.0 for code-scanning UIs. */
    SARIF;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportFormat> fromWire(String name) {
        for (ReportFormat format : values()) {
            if (format.wireName().equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
