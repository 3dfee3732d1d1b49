package dev.mcpver.registry;

import dev.mcpver.lifecycle.GateResult;
import dev.mcpver.lifecycle.Stage;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The candidate is not under-bumped against the production version it follows: the highest production version
 * below it (several production versions can coexist, e.g. a 1.x maintenance line beside 2.x, so a backport is
 * compared with its own line's latest). Fails when the surface changes need a bigger bump than the version numbers
 * declare; warns when a surface is missing or the analyzer cannot judge.
 */
public final class CompatibilityGate implements PromotionGate {
    public static final String NAME = "compatibility";

    private final RegistryStore store;
    private final CompatCheck compat;
    private final int weight;

    public CompatibilityGate(RegistryStore store, CompatCheck compat, int weight) {
        this.store = store;
        this.compat = compat;
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
        ServerVersion candidate = context.version();
        Optional<ServerVersion> baseline = context.siblings().stream()
                .filter(v -> v.stage() == Stage.PRODUCTION && !v.id().equals(candidate.id()))
                .filter(v -> v.parsed().compareTo(candidate.parsed()) < 0)
                .max(Comparator.comparing(ServerVersion::parsed))
                .flatMap(v -> store.findVersion(v.id()));
        if (baseline.isEmpty()) {
            return GateResult.pass(
                    NAME, weight, "no production version below " + candidate.version() + " to compare with", Map.of());
        }
        ServerVersion previous = baseline.get();
        Optional<CompatAssessment> assessment =
                RegistryService.assess(compat, previous, candidate.version(), candidate.surface());
        if (assessment.isEmpty()) {
            String why = previous.surface() == null || candidate.surface() == null
                    ? "a surface snapshot is missing"
                    : "the compatibility analyzer could not judge the change";
            return GateResult.warn(
                    NAME,
                    weight,
                    "not compared with production " + previous.version() + ": " + why,
                    Map.of("baseline", previous.version()));
        }
        return verdict(assessment.get());
    }

    private GateResult verdict(CompatAssessment assessment) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("baseline", assessment.previousVersion());
        evidence.put("declaredBump", assessment.declaredBump().wireName());
        evidence.put("requiredBump", assessment.requiredBump().wireName());
        evidence.put("analyzer", assessment.analyzer());
        if (assessment.underBumped()) {
            return GateResult.fail(
                    NAME,
                    weight,
                    "under-bumped against production " + assessment.previousVersion()
                            + ": the changes require a "
                            + assessment.requiredBump().wireName() + " bump, the version declares "
                            + assessment.declaredBump().wireName() + " (" + assessment.summary() + ")",
                    evidence);
        }
        return GateResult.pass(
                NAME,
                weight,
                "declares " + assessment.declaredBump().wireName() + ", requires "
                        + assessment.requiredBump().wireName() + " against production " + assessment.previousVersion(),
                evidence);
    }
}
