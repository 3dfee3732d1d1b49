package dev.mcpver.lifecycle;

import java.util.List;
import java.util.Map;

/**
 * The overall security score: the weighted mean of the scored gates' credits (pass 1, warn ½, fail 0), as a
 * percentage rounded half up. A version needs {@link #THRESHOLD} to reach production.
 *
 * <p>With the standard weights (signature 25, vulnerabilities 20, checksum 15, compatibility 15, compliance 15,
 * attestations 10) any failed gate blocks on its own; the score additionally blocks a version whose gates all
 * pass or warn but warn too much: e.g. an unverifiable artifact, an unknown compatibility verdict and missing
 * attestations together (7.5 + 7.5 + 5 = 20 points) leave 80, and one more warning drops below.
 */
public final class SecurityScore {
    /** The least score a production version needs. */
    public static final int THRESHOLD = 80;

    /** The gate name of the score in a report. */
    public static final String GATE = "security-score";

    private SecurityScore() {}

    /** The score of these results, 0–100; 100 when nothing is scored. */
    public static int of(List<GateResult> results) {
        double weights = results.stream().mapToInt(GateResult::weight).sum();
        if (weights == 0) {
            return 100;
        }
        double earned = results.stream()
                .mapToDouble(r -> r.weight() * r.verdict().credit())
                .sum();
        return (int) Math.floor(earned / weights * 100 + 0.5);
    }

    /** The score as a gate result of its own, failing below the threshold. */
    public static GateResult asGate(List<GateResult> results) {
        int score = of(results);
        Map<String, Object> evidence = Map.of("score", score, "threshold", THRESHOLD);
        if (score >= THRESHOLD) {
            return GateResult.pass(GATE, 0, "security score " + score + " ≥ " + THRESHOLD, evidence);
        }
        return GateResult.fail(
                GATE,
                0,
                "security score " + score + " is below " + THRESHOLD
                        + ": resolve the warnings above (each costs half its gate's weight)",
                evidence);
    }
}
