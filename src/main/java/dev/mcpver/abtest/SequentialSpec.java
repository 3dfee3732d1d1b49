package dev.mcpver.abtest;

/**
 * Settings of the always-valid sequential test that drives decisions.
 *
 * @param method {@code msprt} (the only method in v1)
 * @param tau standardised effect size of the normal mixture; larger favours large effects at small samples
 */
public record SequentialSpec(String method, double tau) {
    public static final String MSPRT = "msprt";
    public static final double DEFAULT_TAU = 0.2;

    public SequentialSpec {
        if (!MSPRT.equals(method)) {
            throw new InvalidExperimentException("method", "must be \"msprt\", got \"" + method + "\"");
        }
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new InvalidExperimentException("tau", "must be a finite number greater than 0, got " + tau);
        }
    }

    public static SequentialSpec defaults() {
        return new SequentialSpec(MSPRT, DEFAULT_TAU);
    }
}
