package dev.mcpver.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The full outcome of running the gates for one promotion: every gate's result, then the security score.
 *
 * @param versionId the version judged
 * @param target the stage it was to enter
 * @param results every gate's result, the score last
 * @param score the security score (0–100)
 * @param passed no gate failed (the score included)
 * @param evaluatedAt when the gates ran
 */
public record GateReport(
        String versionId, Stage target, List<GateResult> results, int score, boolean passed, Instant evaluatedAt) {
    public GateReport {
        results = List.copyOf(results);
    }

    /** Builds a report from the gates' results, appending the security score as the last result. */
    public static GateReport of(String versionId, Stage target, List<GateResult> gateResults, Instant at) {
        List<GateResult> all = new ArrayList<>(gateResults);
        all.add(SecurityScore.asGate(gateResults));
        boolean passed = all.stream().noneMatch(GateResult::failed);
        return new GateReport(versionId, target, all, SecurityScore.of(gateResults), passed, at);
    }

    /** Names of the gates that failed, in report order. */
    public List<String> failedGates() {
        return results.stream().filter(GateResult::failed).map(GateResult::gate).toList();
    }
}
