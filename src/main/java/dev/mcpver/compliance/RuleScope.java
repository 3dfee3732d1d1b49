package dev.mcpver.compliance;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** Which versions a rule applies to. */
public enum RuleScope {
    /** Every version. */
    GLOBAL,
    /** Versions of servers in one category ({@code scopeValue} = the category). */
    CATEGORY,
    /** Versions of one server ({@code scopeValue} = its id). */
    SERVER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RuleScope> fromWire(String text) {
        for (RuleScope scope : values()) {
            if (scope.wireName().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
