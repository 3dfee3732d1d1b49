package dev.mcpver.compliance;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A rule as an admin writes it.
 *
 * <pre>{@code
 * {"name": "changelog-required", "scope": "global", "severity": "high",
 *  "expression": "size(version.changelog) > 0", "message": "every release needs a changelog"}
 * }</pre>
 *
 * @param name short unique-ish label
 * @param scope {@code global}, {@code category} or {@code server}
 * @param scopeValue the category or server id for scoped rules
 * @param severity {@code critical}, {@code high}, {@code medium} or {@code low}
 * @param expression a CEL expression that is true when the version complies; variables: {@code server},
 *     {@code version}, {@code surface}, {@code attestations}, {@code report}
 * @param message what to tell the operator when the rule fails
 */
public record RuleSpec(
        @JsonProperty("name") String name,
        @JsonProperty("scope") String scope,
        @JsonProperty("scopeValue") @Nullable String scopeValue,
        @JsonProperty("severity") String severity,
        @JsonProperty("expression") String expression,
        @JsonProperty("message") String message) {
    public RuleSpec {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("name: expected 1-100 characters");
        }
        RuleScope parsedScope = RuleScope.fromWire(String.valueOf(scope))
                .orElseThrow(() -> new IllegalArgumentException("scope: expected global, category or server"));
        if (parsedScope != RuleScope.GLOBAL && (scopeValue == null || scopeValue.isBlank())) {
            throw new IllegalArgumentException(
                    "scopeValue: a " + parsedScope.wireName() + " rule names its " + parsedScope.wireName());
        }
        if (parsedScope == RuleScope.GLOBAL && scopeValue != null) {
            throw new IllegalArgumentException("scopeValue: a global rule has none");
        }
        if (Severity.fromWire(String.valueOf(severity)).isEmpty()) {
            throw new IllegalArgumentException("severity: expected critical, high, medium or low");
        }
        if (expression == null || expression.isBlank() || expression.length() > 4000) {
            throw new IllegalArgumentException("expression: expected 1-4000 characters of CEL");
        }
        if (message == null || message.isBlank() || message.length() > 1000) {
            throw new IllegalArgumentException("message: expected 1-1000 characters");
        }
    }

    public RuleScope parsedScope() {
        return RuleScope.fromWire(scope).orElseThrow();
    }

    public Severity parsedSeverity() {
        return Severity.fromWire(severity).orElseThrow();
    }
}
