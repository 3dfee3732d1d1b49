package dev.mcpver.migrate;

import dev.mcpver.rollback.DeploymentId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks an automated update before it is scheduled and names every problem at once, so an operator fixes the
 * request in one go. Pure.
 */
public final class UpdateValidator {
    /** Scheduling "now" may be a little in the past (clock skew, slow requests). */
    private static final Duration PAST_GRACE = Duration.ofMinutes(1);

    private UpdateValidator() {}

    /**
     * @param targets looks a registered version of a server up
     * @return the reasons the request is invalid; empty when it can be scheduled
     */
    public static List<String> validate(
            UpdateRequest request, Function<DeploymentId, Optional<TargetRelease>> targets, Instant now) {
        List<String> reasons = new ArrayList<>();
        if (!request.automaticRollback()) {
            reasons.add(
                    "rollbackPolicy.automatic_rollback must be true: an unattended update has to come back by itself");
        }
        reasons.addAll(deploymentReasons(request));
        reasons.addAll(strategyReasons(request));
        if (request.runAt().isBefore(now.minus(PAST_GRACE))) {
            reasons.add("runAt " + request.runAt() + " is in the past");
        }
        reasons.addAll(checkReasons(request, targets));
        return reasons;
    }

    private static List<String> deploymentReasons(UpdateRequest request) {
        List<String> reasons = new ArrayList<>();
        if (request.deployments().isEmpty()) {
            reasons.add("deployments must name at least one deployment (server/environment)");
        }
        if (new HashSet<>(request.deployments()).size() != request.deployments().size()) {
            reasons.add("deployments lists a deployment twice");
        }
        if (request.deployments().stream().map(DeploymentId::server).distinct().count() > 1) {
            reasons.add("all deployments of one update must run the same server");
        }
        return reasons;
    }

    private static List<String> strategyReasons(UpdateRequest request) {
        List<String> reasons = new ArrayList<>();
        int count = request.deployments().size();
        switch (request.strategy()) {
            case ROLLING -> {
                if (count < 2) {
                    reasons.add("a rolling update needs at least two deployments, in roll-out order");
                }
            }
            case IMMEDIATE, BLUE_GREEN, CANARY -> {
                if (count > 1) {
                    reasons.add(request.strategy().wireName() + " updates one deployment; use rolling for several");
                }
            }
        }
        if (request.strategy() == UpdateStrategy.BLUE_GREEN
                && (request.blueGreenHoldMs() < 0 || request.blueGreenHoldMs() > 86_400_000)) {
            reasons.add("blueGreen.holdSeconds must be between 0 and 86400");
        }
        if (request.strategy() == UpdateStrategy.CANARY) {
            if (request.canaryTrafficPercent() < 1 || request.canaryTrafficPercent() > 50) {
                reasons.add("canary.trafficPercent must be between 1 and 50");
            }
            if (request.canaryMaxWaitMs() < 60_000 || request.canaryMaxWaitMs() > 30L * 86_400_000) {
                reasons.add("canary.maxWaitMinutes must be between 1 and 43200");
            }
        }
        return reasons;
    }

    private static List<String> checkReasons(
            UpdateRequest request, Function<DeploymentId, Optional<TargetRelease>> targets) {
        List<String> reasons = new ArrayList<>();
        if (request.validationChecks().isEmpty()) {
            reasons.add("validationChecks must name at least one of " + String.join(", ", sorted()));
        }
        for (String check : request.validationChecks()) {
            if (!UpdateRequest.CHECKS.contains(check)) {
                reasons.add("unknown validation check '" + check + "': use " + String.join(", ", sorted()));
            }
        }
        if (request.deployments().isEmpty()) {
            return reasons;
        }
        Optional<TargetRelease> target = targets.apply(request.deployments().get(0));
        if (target.isEmpty()) {
            reasons.add("version " + request.toVersion() + " of "
                    + request.deployments().get(0).server() + " is not registered");
            return reasons;
        }
        boolean smoke = !target.get().smokeCalls().isEmpty()
                || !request.options().smokeCalls().isEmpty();
        if ((request.validationChecks().contains("smoke")
                        || request.validationChecks().contains("latency"))
                && !smoke) {
            reasons.add("validation check smoke/latency needs smoke calls: register them with the version or give"
                    + " options.smokeCalls");
        }
        if ((request.validationChecks().contains("surface")
                        || request.validationChecks().contains("compat"))
                && target.get().surface() == null) {
            reasons.add("validation check surface/compat needs the version's registered surface");
        }
        return reasons;
    }

    private static List<String> sorted() {
        return UpdateRequest.CHECKS.stream().sorted().toList();
    }
}
