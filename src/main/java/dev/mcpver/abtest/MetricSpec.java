package dev.mcpver.abtest;

import java.util.regex.Pattern;

/**
 * One metric of an experiment.
 *
 * @param name id used in observations ({@code response_time}); no colons, since decision reasons use them
 * @param kind continuous or binary (values 0/1)
 * @param direction which way is better
 * @param role primary, guardrail or secondary
 * @param guardrailThreshold a guardrail trips only when {@code |relativeLift|} exceeds this (0 = any significant
 *     regression); ignored for other roles
 */
public record MetricSpec(
        String name, MetricKind kind, Direction direction, MetricRole role, double guardrailThreshold) {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public MetricSpec {
        if (!NAME.matcher(name).matches()) {
            throw new InvalidExperimentException("name", "must match [A-Za-z0-9_.-]{1,64}, got \"" + name + "\"");
        }
        if (!(guardrailThreshold >= 0) || Double.isInfinite(guardrailThreshold)) {
            throw new InvalidExperimentException(
                    "guardrailThreshold", "must be a finite number of at least 0, got " + guardrailThreshold);
        }
    }

    public boolean isGuardrail() {
        return role == MetricRole.GUARDRAIL;
    }
}
