package dev.mcpver.abtest;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A comparison before the multiple-comparison step: every field of {@link Analysis.Comparison} except the
 * Holm-adjusted ones. Mutable while one comparison is computed, never shared.
 */
final class ComparisonDraft {
    final String control;
    final String treatment;

    @Nullable
    Double diff;

    @Nullable
    Double ciLow;

    @Nullable
    Double ciHigh;

    @Nullable
    Double relativeLift;

    @Nullable
    Double liftCiLow;

    @Nullable
    Double liftCiHigh;

    @Nullable
    Double pValue;

    Analysis.@Nullable Welch welch;
    Analysis.@Nullable MannWhitney mannWhitney;
    Analysis.@Nullable Proportions proportions;

    @Nullable
    Double sequentialP;

    private final Set<Warning> warnings = EnumSet.noneOf(Warning.class);

    ComparisonDraft(String control, String treatment) {
        this.control = control;
        this.treatment = treatment;
    }

    void warn(Warning warning) {
        warnings.add(warning);
    }

    void ci(AbStats.Interval interval) {
        ciLow = interval.low();
        ciHigh = interval.high();
    }

    void liftCi(AbStats.@Nullable Interval interval) {
        liftCiLow = interval == null ? null : interval.low();
        liftCiHigh = interval == null ? null : interval.high();
    }

    /** Keeps the smallest sequential p seen so far: the always-valid p is a running minimum. */
    void sequential(@Nullable Double current, @Nullable Double storedMinimum) {
        if (current == null || storedMinimum == null) {
            sequentialP = current == null ? storedMinimum : current;
        } else {
            sequentialP = Math.min(current, storedMinimum);
        }
    }

    Analysis.Comparison finish(
            String method, @Nullable Double pAdjusted, @Nullable Double sequentialAdjusted, double alpha) {
        boolean significant = pAdjusted != null && pAdjusted < alpha;
        return new Analysis.Comparison(
                control,
                treatment,
                diff,
                ciLow,
                ciHigh,
                relativeLift,
                liftCiLow,
                liftCiHigh,
                pValue,
                pAdjusted,
                significant,
                welch,
                mannWhitney,
                proportions,
                new Analysis.Sequential(method, sequentialP, sequentialAdjusted),
                List.copyOf(warnings));
    }
}
