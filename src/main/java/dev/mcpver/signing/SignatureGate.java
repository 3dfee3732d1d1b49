package dev.mcpver.signing;

import dev.mcpver.lifecycle.GateResult;
import dev.mcpver.registry.GateContext;
import dev.mcpver.registry.PromotionGate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The version carries at least one signature by an active registered key that verifies against its manifest. */
public final class SignatureGate implements PromotionGate {
    public static final String NAME = "signature";

    private final SigningService signing;
    private final int weight;

    public SignatureGate(SigningService signing, int weight) {
        this.signing = signing;
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
        SignatureCheck check = signing.verify(context.version());
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("manifestSha256", check.manifestSha256());
        evidence.put(
                "signatures",
                check.signatures().stream()
                        .map(s -> Map.of("keyId", s.keyId(), "valid", s.valid(), "reason", s.reason()))
                        .toList());
        if (check.valid()) {
            List<String> keys = check.signatures().stream()
                    .filter(SignatureCheck.Status::valid)
                    .map(SignatureCheck.Status::keyId)
                    .toList();
            return GateResult.pass(NAME, weight, "signed by " + String.join(", ", keys), evidence);
        }
        if (check.signatures().isEmpty()) {
            return GateResult.fail(
                    NAME,
                    weight,
                    "the version is not signed: sign its manifest with a registered key" + " ('mcpver versions sign')",
                    evidence);
        }
        return GateResult.fail(
                NAME,
                weight,
                "no valid signature: "
                        + check.signatures().stream()
                                .map(s -> s.keyId() + ": " + s.reason())
                                .distinct()
                                .reduce((a, b) -> a + "; " + b)
                                .orElse(""),
                evidence);
    }
}
