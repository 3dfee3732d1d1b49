package dev.mcpver.abtest;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Samples per variant for a two-sided test to detect a minimum effect ({@code abtest.md} §2.1, normal
 * approximation). Binary: Fleiss without continuity correction (= R {@code power.prop.test}); continuous:
 * {@code 2σ²(za+zb)²/δ²}. With m comparisons, alpha is split Bonferroni-style ({@code z_{1−α/(2m)}}).
 */
public final class SampleSize {
    private static final double MAX_SAMPLES = 1e15;

    private SampleSize() {}

    /** Whether {@code mde} is in the metric's units or a fraction of the baseline. */
    public enum MdeType {
        ABSOLUTE,
        RELATIVE;

        public String wireName() {
            return Wire.name(this);
        }

        public static Optional<MdeType> fromWire(String text) {
            return Wire.parse(MdeType.class, text);
        }
    }

    /**
     * A planning question.
     *
     * @param kind binary or continuous
     * @param baseline control rate (binary, in (0, 1)) or control mean (continuous)
     * @param mde minimum detectable effect, non-zero
     * @param mdeType absolute, or relative to the baseline
     * @param alpha two-sided significance level (default 0.05)
     * @param power 1 − beta (default 0.8)
     * @param comparisons number of treatment-vs-control comparisons (default 1)
     * @param stddev standard deviation per observation; required for continuous metrics
     */
    public record Request(
            MetricKind kind,
            double baseline,
            double mde,
            MdeType mdeType,
            double alpha,
            double power,
            int comparisons,
            @Nullable Double stddev) {
        public static final double DEFAULT_POWER = 0.8;

        public Request {
            requireFinite("baseline", baseline);
            requireFinite("mde", mde);
            if (mde == 0) {
                throw new InvalidExperimentException("mde", "must not be 0");
            }
            requireOpenUnit("alpha", alpha);
            requireOpenUnit("power", power);
            if (comparisons < 1) {
                throw new InvalidExperimentException("comparisons", "must be at least 1, got " + comparisons);
            }
            if (mdeType == MdeType.RELATIVE && baseline == 0) {
                throw new InvalidExperimentException("baseline", "must not be 0 for a relative mde");
            }
            if (kind == MetricKind.BINARY) {
                validateRates(baseline, baseline + (mdeType == MdeType.RELATIVE ? mde * baseline : mde));
            } else if (stddev == null || !(stddev > 0) || stddev.isInfinite()) {
                throw new InvalidExperimentException("stddev", "a continuous metric needs a finite stddev > 0");
            }
        }

        /** The absolute effect δ. */
        public double delta() {
            return mdeType == MdeType.RELATIVE ? mde * baseline : mde;
        }

        private static void validateRates(double p1, double p2) {
            requireOpenUnit("baseline", p1);
            if (!(p2 > 0 && p2 < 1)) {
                throw new InvalidExperimentException(
                        "mde", "baseline + mde must stay between 0 and 1 (exclusive) for a binary metric, got " + p2);
            }
        }

        private static void requireOpenUnit(String field, double value) {
            if (!(value > 0 && value < 1)) {
                throw new InvalidExperimentException(field, "must be between 0 and 1 (exclusive), got " + value);
            }
        }

        private static void requireFinite(String field, double value) {
            if (!Double.isFinite(value)) {
                throw new InvalidExperimentException(field, "must be a finite number");
            }
        }
    }

    /**
     * @param perVariant samples per variant, rounded up
     * @param perVariantExact the unrounded value
     * @param variants comparisons + 1
     * @param total perVariant × variants
     */
    public record Result(long perVariant, double perVariantExact, int variants, long total) {}

    public static Result compute(Request request) {
        double za = AbStats.normalQuantile(1 - request.alpha() / (2.0 * request.comparisons()));
        double zb = AbStats.normalQuantile(request.power());
        double delta = request.delta();
        double exact;
        if (request.kind() == MetricKind.BINARY) {
            double p1 = request.baseline();
            double p2 = p1 + delta;
            double pBar = (p1 + p2) / 2;
            double numerator = za * Math.sqrt(2 * pBar * (1 - pBar)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
            exact = numerator * numerator / (delta * delta);
        } else {
            double sigma = request.stddev() == null ? Double.NaN : request.stddev();
            exact = 2 * sigma * sigma * (za + zb) * (za + zb) / (delta * delta);
        }
        if (!(exact <= MAX_SAMPLES)) {
            throw new InvalidExperimentException("mde", "is too small to detect: over 10^15 samples per variant");
        }
        long perVariant = (long) Math.ceil(exact);
        int variants = request.comparisons() + 1;
        return new Result(perVariant, exact, variants, perVariant * variants);
    }
}
