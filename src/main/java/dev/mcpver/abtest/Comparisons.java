package dev.mcpver.abtest;

import org.jspecify.annotations.Nullable;

/** Treatment-versus-control statistics for one metric kind ({@code abtest.md} §2 table and §2.1 formulas). */
final class Comparisons {
    private Comparisons() {}

    /** One side of a comparison: its aggregate and, for full analyses of continuous metrics, sorted values. */
    record Arm(String key, Moments moments, double @Nullable [] sorted) {}

    static ComparisonDraft continuous(Arm c, Arm t, double alpha, double tau, @Nullable Double storedMinimum) {
        ComparisonDraft draft = new ComparisonDraft(c.key(), t.key());
        if (c.moments().n() == 0 || t.moments().n() == 0) {
            draft.warn(Warning.NO_DATA);
            draft.sequential(null, storedMinimum);
            return draft;
        }
        Moments mc = c.moments();
        Moments mt = t.moments();
        draft.diff = mt.mean() - mc.mean();
        welch(draft, mc, mt, alpha);
        if (c.sorted() != null && t.sorted() != null) {
            AbStats.RankTest rank = AbStats.mannWhitney(c.sorted(), t.sorted());
            draft.mannWhitney = new Analysis.MannWhitney(rank.u(), rank.pValue());
            if (rank.pValue() == null) {
                draft.warn(Warning.ALL_TIED);
            }
        }
        Double vc = mc.variance();
        Double vt = mt.variance();
        lift(draft, mc.mean(), vc, mc.n(), mt.mean(), vt, mt.n(), alpha);
        Double current = vc == null || vt == null
                ? null
                : AbStats.msprt(draft.diff, vc / mc.n() + vt / mt.n(), (vc + vt) / 2, tau);
        draft.sequential(current, storedMinimum);
        return draft;
    }

    private static void welch(ComparisonDraft draft, Moments mc, Moments mt, double alpha) {
        AbStats.WelchTest welch = AbStats.welch(mc, mt);
        if (welch == null) {
            draft.warn(mc.n() < 2 || mt.n() < 2 ? Warning.INSUFFICIENT_SAMPLE : Warning.ZERO_VARIANCE);
            return;
        }
        draft.welch = new Analysis.Welch(welch.t(), welch.df(), welch.pValue());
        draft.pValue = welch.pValue();
        draft.ci(AbStats.tInterval(welch.diff(), welch.se(), welch.df(), alpha));
    }

    static ComparisonDraft binary(Arm c, Arm t, double alpha, double tau, @Nullable Double storedMinimum) {
        ComparisonDraft draft = new ComparisonDraft(c.key(), t.key());
        long nC = c.moments().n();
        long nT = t.moments().n();
        if (nC == 0 || nT == 0) {
            draft.warn(Warning.NO_DATA);
            draft.sequential(null, storedMinimum);
            return draft;
        }
        long xC = c.moments().successes();
        long xT = t.moments().successes();
        double pC = (double) xC / nC;
        double pT = (double) xT / nT;
        draft.diff = pT - pC;
        AbStats.ZTest z = AbStats.twoProportions(xC, nC, xT, nT);
        if (z == null) {
            draft.warn(Warning.ZERO_VARIANCE);
        } else {
            draft.proportions = new Analysis.Proportions(z.z(), z.pValue());
            draft.pValue = z.pValue();
        }
        draft.ci(AbStats.newcombe(xC, nC, xT, nT, alpha));
        lift(draft, pC, pC * (1 - pC), nC, pT, pT * (1 - pT), nT, alpha);
        double pooled = (double) (xC + xT) / (nC + nT);
        double variance = pooled * (1 - pooled);
        draft.sequential(AbStats.msprt(draft.diff, variance * (1.0 / nC + 1.0 / nT), variance, tau), storedMinimum);
        return draft;
    }

    private static void lift(
            ComparisonDraft draft,
            double meanC,
            @Nullable Double varianceC,
            long nC,
            double meanT,
            @Nullable Double varianceT,
            long nT,
            double alpha) {
        if (meanC == 0) {
            draft.warn(Warning.LIFT_UNDEFINED);
            return;
        }
        draft.relativeLift = meanT / meanC - 1;
        if (varianceC != null && varianceT != null) {
            draft.liftCi(AbStats.liftInterval(meanC, varianceC, nC, meanT, varianceT, nT, alpha));
        }
    }
}
