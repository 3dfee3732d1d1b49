package dev.mcpver.abtest;

import java.util.regex.Pattern;

/**
 * One arm of an experiment.
 *
 * @param key short id used in observations and results ({@code A}, {@code B}, {@code canary})
 * @param version the MCP server version this arm routes to
 * @param weight relative share of traffic, finite and positive (to stop routing to an arm, stop the experiment)
 */
public record VariantSpec(String key, String version, double weight) {
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public VariantSpec {
        if (!KEY.matcher(key).matches()) {
            throw new InvalidExperimentException("key", "must match [A-Za-z0-9_.-]{1,64}, got \"" + key + "\"");
        }
        if (version.isBlank() || version.length() > 128) {
            throw new InvalidExperimentException("version", "must be a non-blank version of at most 128 characters");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new InvalidExperimentException("weight", "must be a finite number greater than 0, got " + weight);
        }
    }

    public VariantSpec withWeight(double newWeight) {
        return new VariantSpec(key, version, newWeight);
    }
}
