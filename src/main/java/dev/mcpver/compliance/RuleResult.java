package dev.mcpver.compliance;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One rule evaluated against one version.
 *
 * @param ruleId the rule
 * @param name its label
 * @param severity its severity
 * @param passed the expression was true
 * @param message the rule's message when it failed, else {@code ok}
 * @param error why the expression could not be evaluated (a missing field, a type error); counts as a failure
 */
public record RuleResult(
        @JsonProperty("ruleId") String ruleId,
        @JsonProperty("name") String name,
        @JsonProperty("severity") Severity severity,
        @JsonProperty("passed") boolean passed,
        @JsonProperty("message") String message,
        @JsonProperty("error") @Nullable String error) {}
