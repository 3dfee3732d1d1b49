package dev.mcpver.abtest;

/**
 * Raw values of a series, for the rank test. Only full analyses read them; decisions need only {@link Moments}.
 */
@FunctionalInterface
public interface SampleSource {
    /** Every value of the series, in any order, in a fresh array the caller may sort in place. */
    double[] values(SeriesKey series);
}
