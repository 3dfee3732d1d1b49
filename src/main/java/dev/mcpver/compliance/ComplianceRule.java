package dev.mcpver.compliance;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A stored rule.
 *
 * @param id stable identifier (ULID)
 * @param name label
 * @param scope which versions it applies to
 * @param scopeValue the category or server id, for scoped rules
 * @param severity how bad failing it is
 * @param expression CEL, true when compliant
 * @param message shown when it fails
 * @param enabled disabled rules are kept (for the record) but not evaluated
 * @param createdAt when it was added
 * @param createdBy who added it
 */
public record ComplianceRule(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("scope") RuleScope scope,
        @JsonProperty("scopeValue") @Nullable String scopeValue,
        @JsonProperty("severity") Severity severity,
        @JsonProperty("expression") String expression,
        @JsonProperty("message") String message,
        @JsonProperty("enabled") boolean enabled,
        @JsonProperty("createdAt") Instant createdAt,
        @JsonProperty("createdBy") String createdBy) {

    /** Whether it applies to a version of a server with this id and category. */
    public boolean appliesTo(String serverId, @Nullable String category) {
        return switch (scope) {
            case GLOBAL -> true;
            case CATEGORY -> scopeValue != null && scopeValue.equals(category);
            case SERVER -> serverId.equals(scopeValue);
        };
    }

    public ComplianceRule disabled() {
        return new ComplianceRule(
                id, name, scope, scopeValue, severity, expression, message, false, createdAt, createdBy);
    }
}
