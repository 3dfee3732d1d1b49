package dev.mcpver.compliance;

import dev.mcpver.lifecycle.GateResult;
import dev.mcpver.registry.GateContext;
import dev.mcpver.registry.PromotionGate;
import java.util.List;
import java.util.Map;

/**
 * The applicable compliance rules hold: a failed critical rule fails the gate (blocks promotion), a failed high
 * rule warns (costs score), medium and low failures are reported only. The results are part of the stored gate
 * report: that is the enforcement record.
 */
public final class ComplianceGate implements PromotionGate {
    public static final String NAME = "compliance";

    private final ComplianceService compliance;
    private final int weight;

    public ComplianceGate(ComplianceService compliance, int weight) {
        this.compliance = compliance;
        this.weight = weight;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int weight() {
        return weight;
    }

    @Override
    public GateResult evaluate(GateContext context) {
        List<RuleResult> results =
                compliance.evaluate(context.server(), context.version(), context.attestations(), context.earlier());
        List<RuleResult> failed = results.stream().filter(r -> !r.passed()).toList();
        Map<String, Object> evidence =
                Map.of("rules", results.stream().map(ComplianceGate::describe).toList());
        if (failed.stream().anyMatch(r -> r.severity() == Severity.CRITICAL)) {
            return GateResult.fail(
                    NAME, weight, "critical rule failed: " + summary(failed, Severity.CRITICAL), evidence);
        }
        if (failed.stream().anyMatch(r -> r.severity() == Severity.HIGH)) {
            return GateResult.warn(
                    NAME, weight, "high-severity rule failed: " + summary(failed, Severity.HIGH), evidence);
        }
        String detail = results.isEmpty()
                ? "no compliance rule applies"
                : (results.size() - failed.size()) + " of " + results.size() + " rules pass"
                        + (failed.isEmpty() ? "" : "; informational failures: " + summary(failed, null));
        return GateResult.pass(NAME, weight, detail, evidence);
    }

    private static String summary(List<RuleResult> failed, @org.jspecify.annotations.Nullable Severity severity) {
        return failed.stream()
                .filter(r -> severity == null || r.severity() == severity)
                .map(r ->
                        r.name() + " (" + (r.error() == null ? r.message() : "could not evaluate: " + r.error()) + ")")
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
    }

    private static Map<String, Object> describe(RuleResult result) {
        return Map.of(
                "ruleId",
                result.ruleId(),
                "name",
                result.name(),
                "severity",
                result.severity().wireName(),
                "passed",
                result.passed(),
                "message",
                result.message(),
                "error",
                result.error() == null ? "" : result.error());
    }
}
