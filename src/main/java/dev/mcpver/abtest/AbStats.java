package dev.mcpver.abtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Gamma;
import org.jspecify.annotations.Nullable;

/**
 * The formulas of {@code abtest.md} §2.1 on top of commons-math3 3.6.1, with the corrections of §4: the
 * treatment's Mann-Whitney U with tie and continuity correction, an explicit Welch–Satterthwaite df, t quantiles
 * at 1e-14 accuracy, survival functions instead of {@code 1 − cdf} (so tiny p-values do not collapse to 0).
 * Every method returns {@code null} where the quantity is undefined; none returns NaN or infinity.
 */
final class AbStats {
    /** Standard normal; no random generator is needed (and none is seeded) for cdf and quantiles. */
    private static final NormalDistribution N01 = new NormalDistribution(null, 0, 1);
    /** Absolute accuracy of Student t quantiles: the default (1e-9) moves CI bounds by up to 1.2e-8. */
    private static final double T_QUANTILE_ACCURACY = 1e-14;

    private AbStats() {}

    /** Welch's unequal-variance t test of {@code treatment − control}. */
    record WelchTest(double diff, double se, double t, double df, double pValue) {}

    /** Mann-Whitney U of the treatment and its two-sided asymptotic p (null when every value is tied). */
    record RankTest(double u, @Nullable Double pValue) {}

    /** Pooled two-proportion z test. */
    record ZTest(double z, double pValue) {}

    /** Pearson χ² of counts against expected shares. */
    record SrmTest(@Nullable Double chi2, int df, @Nullable Double pValue) {}

    /** An interval; both bounds finite. */
    record Interval(double low, double high) {}

    static double normalQuantile(double p) {
        return N01.inverseCumulativeProbability(p);
    }

    /** {@code 2·Φ(−|z|)}, capped at 1: computed on the lower tail, so it keeps precision down to 1e-300. */
    static double twoSidedNormalP(double z) {
        return Math.min(1.0, 2 * N01.cumulativeProbability(-Math.abs(z)));
    }

    static @Nullable WelchTest welch(Moments control, Moments treatment) {
        Double varianceC = control.variance();
        Double varianceT = treatment.variance();
        if (varianceC == null || varianceT == null) {
            return null;
        }
        double a = varianceT / treatment.n();
        double b = varianceC / control.n();
        double s2 = a + b;
        if (!(s2 > 0)) {
            return null;
        }
        double se = Math.sqrt(s2);
        double diff = treatment.mean() - control.mean();
        double t = diff / se;
        double df = s2 * s2 / (a * a / (treatment.n() - 1) + b * b / (control.n() - 1));
        double p = Math.min(1.0, 2 * studentT(df).cumulativeProbability(-Math.abs(t)));
        return new WelchTest(diff, se, t, df, p);
    }

    /** {@code diff ∓ t_{1−α/2, df}·se}. */
    static Interval tInterval(double diff, double se, double df, double alpha) {
        double q = studentT(df).inverseCumulativeProbability(1 - alpha / 2);
        return new Interval(diff - q * se, diff + q * se);
    }

    /**
     * Mann-Whitney over two ascending arrays (both non-empty): average ranks for ties, {@code u = R_T − nT(nT+1)/2},
     * tie-corrected variance, continuity correction 0.5 on {@code max(U_T, U_C)} (= scipy {@code mannwhitneyu(T,
     * C, method='asymptotic')} = R {@code wilcox.test(T, C, exact=FALSE, correct=TRUE)}). One merge pass: O(n).
     */
    static RankTest mannWhitney(double[] sortedControl, double[] sortedTreatment) {
        long nC = sortedControl.length;
        long nT = sortedTreatment.length;
        double rankSumT = 0;
        double tieTerm = 0;
        long rank = 1;
        int i = 0;
        int j = 0;
        while (i < nC || j < nT) {
            double value = Math.min(
                    i < nC ? sortedControl[i] : Double.POSITIVE_INFINITY,
                    j < nT ? sortedTreatment[j] : Double.POSITIVE_INFINITY);
            int fromC = i;
            int fromT = j;
            while (i < nC && sortedControl[i] == value) {
                i++;
            }
            while (j < nT && sortedTreatment[j] == value) {
                j++;
            }
            long ties = (i - fromC) + (j - fromT);
            rankSumT += (j - fromT) * (rank + (ties - 1) / 2.0);
            tieTerm += (double) ties * ties * ties - ties;
            rank += ties;
        }
        double u = rankSumT - nT * (nT + 1) / 2.0;
        return new RankTest(u, rankP(u, nC, nT, tieTerm));
    }

    private static @Nullable Double rankP(double uT, long nC, long nT, double tieTerm) {
        double product = (double) nC * nT;
        double total = nC + nT;
        double variance = product / 12 * ((total + 1) - tieTerm / (total * (total - 1)));
        if (!(variance > 0)) {
            return null;
        }
        double uMax = Math.max(uT, product - uT);
        double z = (uMax - product / 2 - 0.5) / Math.sqrt(variance);
        return Math.min(1.0, 2 * N01.cumulativeProbability(-z));
    }

    /** Pooled two-proportion z test (= Pearson χ² on the 2×2 table without Yates); null when se = 0. */
    static @Nullable ZTest twoProportions(long xC, long nC, long xT, long nT) {
        double pooled = (double) (xC + xT) / (nC + nT);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / nC + 1.0 / nT));
        if (!(se > 0)) {
            return null;
        }
        double z = ((double) xT / nT - (double) xC / nC) / se;
        return new ZTest(z, twoSidedNormalP(z));
    }

    /** Wilson score interval of one proportion (no continuity correction), both arms n ≥ 1. */
    static Interval wilson(long x, long n, double z) {
        double p = (double) x / n;
        double z2n = z * z / n;
        double denominator = 1 + z2n;
        double center = (p + z2n / 2) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denominator;
        return new Interval(center - half, center + half);
    }

    /** Newcombe's hybrid score interval (method 10) of {@code pT − pC}. */
    static Interval newcombe(long xC, long nC, long xT, long nT, double alpha) {
        double z = normalQuantile(1 - alpha / 2);
        double pC = (double) xC / nC;
        double pT = (double) xT / nT;
        Interval c = wilson(xC, nC, z);
        Interval t = wilson(xT, nT, z);
        double d = pT - pC;
        double low = d - Math.sqrt(square(pT - t.low()) + square(c.high() - pC));
        double high = d + Math.sqrt(square(t.high() - pT) + square(pC - c.low()));
        return new Interval(low, high);
    }

    /**
     * Delta-method interval of {@code mT/mC − 1}: {@code var = vT/(nT·mC²) + mT²·vC/(nC·mC⁴)}. Null when the
     * variance is zero or the control mean is 0.
     */
    static @Nullable Interval liftInterval(
            double meanC, double varianceC, long nC, double meanT, double varianceT, long nT, double alpha) {
        if (meanC == 0) {
            return null;
        }
        double mc2 = meanC * meanC;
        double variance = varianceT / (nT * mc2) + meanT * meanT * varianceC / (nC * mc2 * mc2);
        if (!(variance > 0) || Double.isInfinite(variance)) {
            return null;
        }
        double lift = meanT / meanC - 1;
        double half = normalQuantile(1 - alpha / 2) * Math.sqrt(variance);
        return new Interval(lift - half, lift + half);
    }

    /**
     * Always-valid p of an mSPRT with a normal mixture (Johari et al.): {@code s2} is the variance of the
     * difference, {@code sbar2} the per-observation variance that scales the mixture ({@code τ² = (tau·sbar)²}).
     */
    static @Nullable Double msprt(double diff, double s2, double sbar2, double tau) {
        if (!(s2 > 0) || !(sbar2 > 0) || Double.isInfinite(s2)) {
            return null;
        }
        double tau2 = tau * tau * sbar2;
        double logLambda = 0.5 * Math.log(s2 / (s2 + tau2)) + diff * diff * tau2 / (2 * s2 * (s2 + tau2));
        return Math.min(1.0, Math.exp(-logLambda));
    }

    /** Holm's step-down adjustment; null entries are left out of the family and stay null. */
    static List<@Nullable Double> holm(List<@Nullable Double> pValues) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < pValues.size(); i++) {
            if (pValues.get(i) != null) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble(i -> value(pValues.get(i))));
        List<@Nullable Double> adjusted = new ArrayList<>(Arrays.asList(new Double[pValues.size()]));
        double running = 0;
        for (int rank = 0; rank < order.size(); rank++) {
            int index = order.get(rank);
            double scaled = Math.min(1.0, (order.size() - rank) * value(pValues.get(index)));
            running = Math.max(running, scaled);
            adjusted.set(index, running);
        }
        return adjusted;
    }

    /** Pearson χ² of observed counts against {@code total·share}; p from {@code Q((k−1)/2, χ²/2)}. */
    static SrmTest srm(long[] counts, double[] shares) {
        long total = Arrays.stream(counts).sum();
        int df = counts.length - 1;
        if (total == 0) {
            return new SrmTest(null, df, null);
        }
        double chi2 = 0;
        for (int i = 0; i < counts.length; i++) {
            double expected = total * shares[i];
            chi2 += square(counts[i] - expected) / expected;
        }
        return new SrmTest(chi2, df, Gamma.regularizedGammaQ(df / 2.0, chi2 / 2));
    }

    private static TDistribution studentT(double df) {
        return new TDistribution(null, df, T_QUANTILE_ACCURACY);
    }

    private static double value(@Nullable Double boxed) {
        return boxed == null ? Double.NaN : boxed;
    }

    static double square(double x) {
        return x * x;
    }
}
