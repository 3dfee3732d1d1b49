package dev.mcpver.abtest;

import org.jspecify.annotations.Nullable;

/**
 * Running aggregate of one (variant, metric) series: count, sum, and the sum of squared deviations from the mean
 * ({@code m2}). {@code m2} comes from Welford's update within a batch and Chan et al.'s parallel merge across
 * batches, which stay accurate where {@code Σx² − (Σx)²/n} cancels catastrophically (latencies near 10⁶ ms with a
 * spread of 1). The mean is {@code sum/n}: a plain sum is exact for 0/1 data and integers, and keeps a control
 * whose values sum to exactly zero at a mean of exactly zero (an incrementally updated mean drifts to ~1e-17 and
 * would turn an undefined lift into 10¹⁶). Analysis of means and proportions needs only these three numbers.
 *
 * @param n number of observations
 * @param sum their sum
 * @param m2 {@code Σ(x − mean)²}, never negative
 */
public record Moments(long n, double sum, double m2) {
    public static final Moments EMPTY = new Moments(0, 0, 0);

    public Moments {
        if (n < 0 || !Double.isFinite(sum) || !(m2 >= 0) || Double.isInfinite(m2) || (n == 0 && sum != 0)) {
            throw new IllegalArgumentException("invalid moments n=" + n + " sum=" + sum + " m2=" + m2);
        }
    }

    /** The aggregate of {@code values[from, to)}: Welford for m2, a running sum for the mean. */
    public static Moments of(double[] values, int from, int to) {
        long n = 0;
        double mean = 0;
        double m2 = 0;
        double sum = 0;
        for (int i = from; i < to; i++) {
            n++;
            sum += values[i];
            double delta = values[i] - mean;
            mean += delta / n;
            m2 += delta * (values[i] - mean);
        }
        return new Moments(n, sum, Math.max(0, m2));
    }

    public static Moments of(double... values) {
        return of(values, 0, values.length);
    }

    /** Chan's combination of two disjoint aggregates. */
    public Moments merge(Moments other) {
        if (other.n == 0) {
            return this;
        }
        if (n == 0) {
            return other;
        }
        long total = n + other.n;
        double delta = other.mean() - mean();
        double combinedM2 = m2 + other.m2 + delta * delta * ((double) n * other.n / total);
        return new Moments(total, sum + other.sum, Math.max(0, combinedM2));
    }

    /** {@code sum/n}; 0 for an empty series. */
    public double mean() {
        return n == 0 ? 0 : sum / n;
    }

    /** Sample variance (ddof = 1); {@code null} below two observations. */
    public @Nullable Double variance() {
        return n < 2 ? null : m2 / (n - 1);
    }

    /** Sample standard deviation (ddof = 1); {@code null} below two observations. */
    public @Nullable Double stddev() {
        Double variance = variance();
        return variance == null ? null : Math.sqrt(variance);
    }

    /** Number of ones of a binary series (the sum of 0/1 values is exact up to 2⁵³). */
    public long successes() {
        return Math.round(sum);
    }
}
