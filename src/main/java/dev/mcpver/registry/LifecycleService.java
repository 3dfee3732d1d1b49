package dev.mcpver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.f4b6a3.ulid.UlidCreator;
import dev.mcpver.audit.AuditEvent;
import dev.mcpver.auth.Actor;
import dev.mcpver.json.Json;
import dev.mcpver.lifecycle.GateReport;
import dev.mcpver.lifecycle.GateResult;
import dev.mcpver.lifecycle.LifecyclePolicy;
import dev.mcpver.lifecycle.Stage;
import dev.mcpver.lifecycle.Transition;
import dev.mcpver.lifecycle.TransitionDecision;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves versions through the lifecycle: checks the transition table and the caller's role, runs the gates for
 * gated moves (storing every report — the enforcement record), and commits the move only if nobody changed the
 * version meanwhile (optimistic locking on its revision). Thread-safe.
 */
public final class LifecycleService {
    private static final Logger LOG = LoggerFactory.getLogger(LifecycleService.class);

    private final RegistryStore store;
    private final List<PromotionGate> gates;
    private final LifecyclePolicy policy;
    private final Clock clock;

    public LifecycleService(RegistryStore store, List<PromotionGate> gates, LifecyclePolicy policy, Clock clock) {
        this.store = store;
        this.gates = List.copyOf(gates);
        this.policy = policy;
        this.clock = clock;
    }

    public LifecyclePolicy policy() {
        return policy;
    }

    public List<PromotionGate> gates() {
        return gates;
    }

    /**
     * Moves a version to {@code to}.
     *
     * @param expectedRevision the revision the caller saw, or null to use the one read now (two concurrent
     *     requests then still race on it: exactly one wins)
     */
    public TransitionOutcome transition(String versionId, Stage to, @Nullable Long expectedRevision, Actor actor) {
        Optional<ServerVersion> found = store.findVersion(versionId);
        if (found.isEmpty()) {
            return new TransitionOutcome.NotFound(versionId);
        }
        ServerVersion version = found.get();
        if (expectedRevision != null && expectedRevision != version.revision()) {
            return new TransitionOutcome.Conflict(versionId, expectedRevision, version.revision());
        }
        TransitionDecision decision = policy.decide(version.stage(), to, actor.role());
        if (decision instanceof TransitionDecision.NotAllowed no) {
            return new TransitionOutcome.NotAllowed(no.from(), no.to(), no.allowedNext());
        }
        if (decision instanceof TransitionDecision.Forbidden forbidden) {
            return new TransitionOutcome.Forbidden(forbidden.transition(), forbidden.callerRole());
        }
        Transition transition = ((TransitionDecision.Allowed) decision).transition();
        return transition.gated() ? gatedMove(version, to, actor) : move(version, to, null, actor);
    }

    /** Runs the gates for a move to {@code target} without moving or storing anything (a preview). */
    public Optional<GateReport> checkGates(String versionId, Stage target) {
        return store.findVersion(versionId).map(version -> runGates(version, target));
    }

    private TransitionOutcome gatedMove(ServerVersion version, Stage to, Actor actor) {
        GateReport report = runGates(version, to);
        StoredGateReport stored = stored(report, actor);
        if (!report.passed()) {
            store.saveGateReport(stored, reportEvent(actor, "version.gates-failed", stored, report));
            LOG.atInfo()
                    .addKeyValue("operation", "GATES_FAILED")
                    .addKeyValue("versionId", version.id())
                    .addKeyValue("failed", report.failedGates())
                    .log("promotion of {} refused by {}", version.id(), report.failedGates());
            return new TransitionOutcome.GatesFailed(report);
        }
        return move(version, to, stored, actor, reportEvent(actor, "version.gates-passed", stored, report), report);
    }

    private TransitionOutcome move(ServerVersion version, Stage to, @Nullable StoredGateReport stored, Actor actor) {
        return move(version, to, stored, actor, null, null);
    }

    private TransitionOutcome move(
            ServerVersion version,
            Stage to,
            @Nullable StoredGateReport stored,
            Actor actor,
            @Nullable AuditEvent gatesEvent,
            @Nullable GateReport report) {
        ServerVersion moved = version.inStage(to, clock.instant());
        List<AuditEvent> events = new ArrayList<>();
        if (gatesEvent != null) {
            events.add(gatesEvent);
        }
        events.add(AuditEvent.of(
                actor,
                "version.transition",
                "version",
                version.id(),
                version.withoutSurface(),
                moved.withoutSurface()));
        if (!store.transition(moved, version.revision(), stored, events)) {
            long current =
                    store.findVersion(version.id()).map(ServerVersion::revision).orElse(-1L);
            return new TransitionOutcome.Conflict(version.id(), version.revision(), current);
        }
        LOG.atInfo()
                .addKeyValue("operation", "VERSION_TRANSITION")
                .addKeyValue("versionId", version.id())
                .addKeyValue("from", version.stage().wireName())
                .addKeyValue("to", to.wireName())
                .log("version {} moved from {} to {}", version.id(), version.stage(), to);
        return new TransitionOutcome.Moved(moved, report);
    }

    private GateReport runGates(ServerVersion version, Stage target) {
        Server server = store.findServer(version.serverId()).orElseThrow();
        GateContext context = new GateContext(
                server,
                version,
                target,
                store.versionsOf(version.serverId(), false),
                store.attestations(version.id()),
                List.of());
        for (PromotionGate gate : gates) {
            context = context.after(evaluate(gate, context));
        }
        return GateReport.of(version.id(), target, context.earlier(), clock.instant());
    }

    private static GateResult evaluate(PromotionGate gate, GateContext context) {
        try {
            return gate.evaluate(context);
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .addKeyValue("operation", "GATE_ERROR")
                    .addKeyValue("gate", gate.name())
                    .setCause(e)
                    .log("gate {} could not run", gate.name());
            return GateResult.fail(gate.name(), gate.weight(), "the gate could not run: " + e.getMessage(), Map.of());
        }
    }

    private StoredGateReport stored(GateReport report, Actor actor) {
        JsonNode json = Json.mapper().valueToTree(report);
        return new StoredGateReport(
                UlidCreator.getMonotonicUlid().toString(),
                report.versionId(),
                report.passed(),
                report.score(),
                json,
                report.evaluatedAt(),
                actor.subject());
    }

    private static AuditEvent reportEvent(Actor actor, String action, StoredGateReport stored, GateReport report) {
        Map<String, Object> summary = Map.of(
                "reportId", stored.id(),
                "target", report.target().wireName(),
                "passed", report.passed(),
                "score", report.score(),
                "failedGates", report.failedGates());
        return AuditEvent.of(actor, action, "version", report.versionId(), null, summary);
    }
}
