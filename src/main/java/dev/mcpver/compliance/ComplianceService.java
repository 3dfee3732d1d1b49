package dev.mcpver.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.f4b6a3.ulid.UlidCreator;
import dev.mcpver.audit.AuditEvent;
import dev.mcpver.auth.Actor;
import dev.mcpver.json.Json;
import dev.mcpver.lifecycle.GateResult;
import dev.mcpver.registry.Attestation;
import dev.mcpver.registry.Server;
import dev.mcpver.registry.ServerVersion;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Manages compliance rules and evaluates the applicable ones against a version. Thread-safe.
 *
 * <p>What an expression sees: {@code server} (the server's definition plus {@code id}), {@code version} (the
 * version without its surface: {@code version}, {@code stage}, {@code changelog}, {@code dependencies},
 * {@code artifact}, {@code declaredBump}, {@code compat}, …), {@code surface} (the surface snapshot, or an empty
 * map), {@code attestations} (kind → latest value) and {@code report} (gate name → {@code {verdict, weight,
 * detail, evidence}} for the gates that ran before compliance; empty outside a promotion).
 */
public final class ComplianceService {
    private final ComplianceStore store;
    private final CelRules cel;
    private final Clock clock;

    public ComplianceService(ComplianceStore store, CelRules cel, Clock clock) {
        this.store = store;
        this.cel = cel;
        this.clock = clock;
    }

    /**
     * Adds a rule after checking that its expression compiles to a boolean.
     *
     * @throws IllegalArgumentException naming the problem when it does not
     */
    public ComplianceRule add(RuleSpec spec, Actor actor) {
        cel.check(spec.expression()).ifPresent(problem -> {
            throw new IllegalArgumentException("expression: " + problem);
        });
        ComplianceRule rule = new ComplianceRule(
                UlidCreator.getMonotonicUlid().toString(),
                spec.name(),
                spec.parsedScope(),
                spec.scopeValue(),
                spec.parsedSeverity(),
                spec.expression(),
                spec.message(),
                true,
                clock.instant(),
                actor.subject());
        store.insert(rule, AuditEvent.of(actor, "rule.create", "compliance-rule", rule.id(), null, rule));
        return rule;
    }

    public List<ComplianceRule> rules() {
        return store.all();
    }

    public Optional<ComplianceRule> rule(String id) {
        return store.find(id);
    }

    /** Disables a rule (kept for the record); empty when it does not exist or was disabled already. */
    public Optional<ComplianceRule> disable(String id, Actor actor) {
        Optional<ComplianceRule> rule = store.find(id).filter(ComplianceRule::enabled);
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        ComplianceRule after = rule.get().disabled();
        boolean changed =
                store.disable(id, AuditEvent.of(actor, "rule.disable", "compliance-rule", id, rule.get(), after));
        return changed ? Optional.of(after) : Optional.empty();
    }

    /** Evaluates every enabled rule that applies to this version, in rule order. */
    public List<RuleResult> evaluate(
            Server server, ServerVersion version, List<Attestation> attestations, List<GateResult> report) {
        Map<String, JsonNode> variables = variables(server, version, attestations, report);
        return store.all().stream()
                .filter(ComplianceRule::enabled)
                .filter(rule -> rule.appliesTo(server.id(), server.spec().category()))
                .map(rule -> result(rule, cel.evaluate(rule.expression(), variables)))
                .toList();
    }

    private static RuleResult result(ComplianceRule rule, CelRules.Evaluation evaluation) {
        boolean passed = evaluation.error() == null && evaluation.value();
        return new RuleResult(
                rule.id(), rule.name(), rule.severity(), passed, passed ? "ok" : rule.message(), evaluation.error());
    }

    private static Map<String, JsonNode> variables(
            Server server, ServerVersion version, List<Attestation> attestations, List<GateResult> report) {
        ObjectNode serverNode = Json.mapper().valueToTree(server.spec());
        serverNode.put("id", server.id());
        ObjectNode attested = JsonNodeFactory.instance.objectNode();
        attestations.forEach(a -> attested.set(a.kind(), a.value()));
        ObjectNode gates = JsonNodeFactory.instance.objectNode();
        report.forEach(r -> gates.set(r.gate(), Json.mapper().valueToTree(r)));
        JsonNode surface = version.surface() == null ? JsonNodeFactory.instance.objectNode() : version.surface();
        return Map.of(
                "server", serverNode,
                "version", Json.mapper().valueToTree(version.withoutSurface()),
                "surface", surface,
                "attestations", attested,
                "report", gates);
    }
}
