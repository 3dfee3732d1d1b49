package dev.mcpver.migrate;

import dev.mcpver.rollback.DeploymentId;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An automated update as requested; {@link UpdateValidator} says what is wrong with it, if anything.
 *
 * @param deployments the deployments to update (in order, for rolling updates)
 * @param toVersion the target version
 * @param strategy immediate, rolling, blue_green or canary
 * @param runAt when it is due
 * @param validationChecks which checks must gate the switch: {@code handshake}, {@code surface}, {@code smoke},
 *     {@code health}, {@code latency}, {@code compat}
 * @param automaticRollback the rollback policy: must be true (an unattended update must come back by itself)
 * @param blueGreenHoldMs blue-green: how long the old release keeps running after the switch
 * @param canaryTrafficPercent canary: share of traffic the experiment sends to the new version (1-50)
 * @param canaryMaxWaitMs canary: how long to wait for the experiment's verdict before rolling back
 * @param options the migration plan options (smoke calls, configuration changes, …)
 */
public record UpdateRequest(
        List<DeploymentId> deployments,
        String toVersion,
        UpdateStrategy strategy,
        Instant runAt,
        List<String> validationChecks,
        boolean automaticRollback,
        long blueGreenHoldMs,
        int canaryTrafficPercent,
        long canaryMaxWaitMs,
        PlanOptions options) {
    /** The checks a request may name. */
    public static final Set<String> CHECKS = Set.of("handshake", "surface", "smoke", "health", "latency", "compat");

    public UpdateRequest {
        deployments = List.copyOf(deployments);
        validationChecks = List.copyOf(validationChecks);
    }

    public UpdateRequest withOptions(PlanOptions newOptions) {
        return new UpdateRequest(
                deployments,
                toVersion,
                strategy,
                runAt,
                validationChecks,
                automaticRollback,
                blueGreenHoldMs,
                canaryTrafficPercent,
                canaryMaxWaitMs,
                newOptions);
    }
}
