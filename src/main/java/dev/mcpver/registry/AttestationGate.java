package dev.mcpver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.lifecycle.GateResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The version carries passing attestations: test coverage at least {@code minCoverage} percent and a passed
 * code-quality check (the latest of each kind counts). A failing one fails the gate; a missing one warns.
 */
public final class AttestationGate implements PromotionGate {
    public static final String NAME = "attestations";

    private final double minCoverage;
    private final int weight;

    public AttestationGate(double minCoverage, int weight) {
        if (minCoverage < 0 || minCoverage > 100) {
            throw new IllegalArgumentException("minCoverage is a percentage: " + minCoverage);
        }
        this.minCoverage = minCoverage;
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
        Optional<JsonNode> coverage = latest(context, "coverage");
        Optional<JsonNode> quality = latest(context, "code-quality");
        List<String> failures = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("minCoverage", minCoverage);
        coverage.ifPresentOrElse(
                c -> {
                    double percent = c.path("percent").asDouble();
                    evidence.put("coverage", percent);
                    if (percent < minCoverage) {
                        failures.add("coverage " + percent + "% is below " + minCoverage + "%");
                    }
                },
                () -> missing.add("coverage"));
        quality.ifPresentOrElse(
                q -> {
                    evidence.put("codeQualityPassed", q.path("passed").asBoolean());
                    if (!q.path("passed").asBoolean()) {
                        failures.add("the code-quality check failed");
                    }
                },
                () -> missing.add("code-quality"));
        return verdict(failures, missing, evidence);
    }

    private GateResult verdict(List<String> failures, List<String> missing, Map<String, Object> evidence) {
        if (!failures.isEmpty()) {
            return GateResult.fail(NAME, weight, String.join("; ", failures), evidence);
        }
        if (!missing.isEmpty()) {
            evidence.put("missing", missing);
            return GateResult.warn(
                    NAME, weight, "no " + String.join(" or ", missing) + " attestation attached", evidence);
        }
        return GateResult.pass(NAME, weight, "coverage and code quality attested and passing", evidence);
    }

    private static Optional<JsonNode> latest(GateContext context, String kind) {
        return context.attestations().stream()
                .filter(a -> a.kind().equals(kind))
                .reduce((first, second) -> second)
                .map(Attestation::value);
    }
}
