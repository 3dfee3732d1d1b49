package dev.mcpver.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.rollback.ArtifactRef;
import dev.mcpver.rollback.DeploymentId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Automated-update requests: every reason at once, in words an operator can act on. */
class UpdateValidatorTest {
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final DeploymentId STAGING = new DeploymentId("fixture", "staging");
    private static final DeploymentId PRODUCTION = new DeploymentId("fixture", "production");
    private static final TargetRelease TARGET =
            new TargetRelease("fixture", "1.1.0", ArtifactRef.directory("/x"), null, List.of(), null, List.of());

    private static UpdateRequest request(
            List<DeploymentId> deployments,
            UpdateStrategy strategy,
            boolean automatic,
            List<String> checks,
            int trafficPercent) {
        return new UpdateRequest(
                deployments,
                "1.1.0",
                strategy,
                NOW,
                checks,
                automatic,
                60_000,
                trafficPercent,
                3_600_000,
                PlanOptions.DEFAULT);
    }

    private static List<String> validate(UpdateRequest request) {
        return UpdateValidator.validate(request, id -> Optional.of(TARGET), NOW);
    }

    @Test
    void should_accept_a_valid_immediate_update() {
        assertThat(validate(request(List.of(STAGING), UpdateStrategy.IMMEDIATE, true, List.of("handshake"), 10)))
                .isEmpty();
    }

    @Test
    void should_require_automatic_rollback() {
        assertThat(validate(request(List.of(STAGING), UpdateStrategy.IMMEDIATE, false, List.of("handshake"), 10)))
                .containsExactly(
                        "rollbackPolicy.automatic_rollback must be true: an unattended update has to come back by itself");
    }

    @Test
    void should_name_every_problem_of_a_bad_request_at_once() {
        UpdateRequest bad = new UpdateRequest(
                List.of(STAGING, new DeploymentId("other", "prod")),
                "1.1.0",
                UpdateStrategy.CANARY,
                NOW.minusSeconds(3600),
                List.of("smoke", "vibes"),
                false,
                0,
                90,
                1_000,
                PlanOptions.DEFAULT);

        assertThat(validate(bad))
                .containsExactly(
                        "rollbackPolicy.automatic_rollback must be true: an unattended update has to come back by itself",
                        "all deployments of one update must run the same server",
                        "canary updates one deployment; use rolling for several",
                        "canary.trafficPercent must be between 1 and 50",
                        "canary.maxWaitMinutes must be between 1 and 43200",
                        "runAt 2026-05-01T09:00:00Z is in the past",
                        "unknown validation check 'vibes': use compat, handshake, health, latency, smoke, surface",
                        "validation check smoke/latency needs smoke calls: register them with the version or give options.smokeCalls");
    }

    @Test
    void should_want_two_deployments_for_a_rolling_update_and_a_registered_version() {
        assertThat(validate(request(List.of(STAGING), UpdateStrategy.ROLLING, true, List.of("health"), 10)))
                .containsExactly("a rolling update needs at least two deployments, in roll-out order");
        assertThat(UpdateValidator.validate(
                        request(List.of(STAGING, PRODUCTION), UpdateStrategy.ROLLING, true, List.of("surface"), 10),
                        id -> Optional.empty(),
                        NOW))
                .containsExactly("version 1.1.0 of fixture is not registered");
        assertThat(validate(request(List.of(STAGING, STAGING), UpdateStrategy.ROLLING, true, List.of(), 10)))
                .contains(
                        "deployments lists a deployment twice",
                        "validationChecks must name at least one of compat, handshake, health, latency, smoke, surface");
    }
}
