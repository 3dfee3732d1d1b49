package dev.mcpver.migrate;

import dev.mcpver.rollback.Deployment;
import dev.mcpver.rollback.LaunchSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds migration plans (pure): validates the request with clear reasons, lays out the steps, and estimates their
 * durations from recorded history where it exists.
 */
public final class MigrationPlanner {
    private static final long INSTALL_TIMEOUT_MS = 600_000;
    private static final long STARTUP_MARGIN_MS = 5_000;

    private MigrationPlanner() {}

    /**
     * @param history mean recorded duration per step kind (kinds without history use their default)
     * @throws MigrationException ({@code INVALID} or {@code CONFLICT}) naming what is wrong
     */
    public static MigrationPlan plan(
            String id,
            int planVersion,
            Deployment deployment,
            TargetRelease target,
            PlanOptions options,
            Map<StepKind, Long> history,
            Instant now) {
        validate(deployment, target, options);
        List<String> warnings = warnings(target, options);
        List<PlannedStep> steps = new ArrayList<>();
        for (StepKind kind : StepKind.values()) {
            if ((kind != StepKind.SMOKE_CALLS && kind != StepKind.SMOKE_LATENCY) || hasSmokeCalls(target, options)) {
                steps.add(new PlannedStep(
                        steps.size(),
                        kind,
                        kind.description(),
                        timeout(kind, deployment, target, options),
                        history.getOrDefault(kind, kind.defaultEstimateMs())));
            }
        }
        long forward = steps.stream()
                .filter(s -> s.phase() != Phase.ROLLBACK)
                .mapToLong(PlannedStep::estimatedMs)
                .sum();
        long rollback = steps.stream()
                .filter(s -> s.phase() == Phase.ROLLBACK)
                .mapToLong(PlannedStep::estimatedMs)
                .sum();
        return new MigrationPlan(
                id,
                planVersion,
                deployment.id(),
                deployment.state(),
                deployment.revision(),
                target,
                options,
                steps,
                warnings,
                forward,
                rollback,
                now,
                MigrationPlan.SCHEMA_VERSION);
    }

    private static void validate(Deployment deployment, TargetRelease target, PlanOptions options) {
        if (!deployment.state().active()) {
            throw MigrationException.invalid("deployment " + deployment.id()
                    + " has no active release: activate a first version before migrating");
        }
        if (!target.server().equals(deployment.id().server())) {
            throw MigrationException.invalid("target is a version of " + target.server() + ", not of "
                    + deployment.id().server());
        }
        if (target.version().equals(deployment.state().version())) {
            throw MigrationException.conflict(deployment.id() + " already runs " + target.version());
        }
        if (!options.autoRollback() && options.keepOldRunning()) {
            throw MigrationException.invalid("keepOldRunning (blue-green) needs autoRollback");
        }
        for (SmokeCall call : calls(target, options)) {
            validateSmokeCall(call, target);
        }
    }

    private static void validateSmokeCall(SmokeCall call, TargetRelease target) {
        if (target.surface() == null) {
            return;
        }
        Optional<ToolShape> tool = target.surface().tool(call.tool());
        if (tool.isEmpty()) {
            throw MigrationException.invalid("smoke call " + call.tool() + ": the target " + target.version()
                    + " has no such tool (it has "
                    + target.surface().tools().stream().map(ToolShape::name).toList() + ")");
        }
        if (!tool.get().readOnly()) {
            throw MigrationException.invalid("smoke call " + call.tool()
                    + ": only read-only tools may be called before the switch, and this one is not readOnlyHint");
        }
    }

    private static List<String> warnings(TargetRelease target, PlanOptions options) {
        List<String> warnings = new ArrayList<>();
        if (target.surface() == null) {
            warnings.add("no registered surface for " + target.version() + ": the started target cannot be compared"
                    + " with it, and the compatibility analysis is skipped");
        }
        if (!hasSmokeCalls(target, options)) {
            warnings.add("no smoke calls: the target is checked by handshake and surface only");
        }
        if (target.artifact().signature() == null) {
            warnings.add(
                    options.requireSignature()
                            ? "the artifact is unsigned and a signature is required: the" + " install step will fail"
                            : "the artifact is unsigned");
        }
        if (!options.autoRollback()) {
            warnings.add("automatic rollback is off: a failed step leaves the migration failed for an operator");
        }
        return warnings;
    }

    private static boolean hasSmokeCalls(TargetRelease target, PlanOptions options) {
        return !calls(target, options).isEmpty();
    }

    private static List<SmokeCall> calls(TargetRelease target, PlanOptions options) {
        List<SmokeCall> calls = new ArrayList<>(target.smokeCalls());
        calls.addAll(options.smokeCalls());
        return calls;
    }

    private static long timeout(StepKind kind, Deployment deployment, TargetRelease target, PlanOptions options) {
        LaunchSpec launch = Objects.requireNonNullElse(
                options.launch(),
                Objects.requireNonNullElse(target.launch(), deployment.state().launch()));
        return switch (kind) {
            case INSTALL_TARGET, RESTORE_POINT, CREATE_ROLLBACK_POINT ->
                Math.max(INSTALL_TIMEOUT_MS, options.stepTimeoutMs());
            case START_TARGET, VERIFY_OLD, HEALTH_PROBE, SNAPSHOT_SOURCE ->
                Math.max(options.stepTimeoutMs(), launch.startupTimeoutMs() + STARTUP_MARGIN_MS);
            default -> options.stepTimeoutMs();
        };
    }

    /** The launch spec a plan's target runs with. */
    public static LaunchSpec targetLaunch(MigrationPlan plan) {
        return Objects.requireNonNullElse(
                plan.options().launch(),
                Objects.requireNonNullElse(plan.target().launch(), plan.source().launch()));
    }
}
