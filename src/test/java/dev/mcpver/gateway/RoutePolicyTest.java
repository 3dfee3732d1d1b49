package dev.mcpver.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.gateway.RoutePolicy.Assignment;
import dev.mcpver.gateway.RoutePolicy.DeploymentView;
import dev.mcpver.gateway.RoutePolicy.ExperimentView;
import dev.mcpver.gateway.RoutePolicy.Phase;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutePolicyTest {
    private static final Map<String, String> VERSIONS = Map.of("A", "1.0.0", "B", "1.1.0");
    private static final Assignment ON_B = new Assignment("e1", "B", "1.1.0");

    private static DeploymentView view(Phase phase, boolean promotedSinceSwitch) {
        String winner = phase == Phase.PROMOTED ? "B" : null;
        return new DeploymentView("1.0.0", new ExperimentView("e1", phase, "A", VERSIONS, winner), promotedSinceSwitch);
    }

    @Test
    void should_serve_the_assigned_version_and_measure_it_while_the_experiment_runs() {
        assertThat(RoutePolicy.target(ON_B, view(Phase.RUNNING, false), true)).isEqualTo("1.1.0");
        assertThat(RoutePolicy.measured(ON_B, view(Phase.RUNNING, false))).isTrue();
        assertThat(RoutePolicy.assigns(view(Phase.RUNNING, false))).isTrue();
    }

    @Test
    void should_send_assigned_sessions_to_the_control_when_rolled_back_unless_they_stay() {
        assertThat(RoutePolicy.target(ON_B, view(Phase.STOPPED_TO_CONTROL, false), true))
                .isEqualTo("1.0.0");
        assertThat(RoutePolicy.target(ON_B, view(Phase.STOPPED_TO_CONTROL, false), false))
                .isEqualTo("1.1.0");
        assertThat(RoutePolicy.measured(ON_B, view(Phase.STOPPED_TO_CONTROL, false)))
                .isFalse();
        assertThat(RoutePolicy.assigns(view(Phase.STOPPED_TO_CONTROL, false))).isFalse();
    }

    @Test
    void should_send_new_sessions_to_a_winner_promoted_after_the_last_switch() {
        assertThat(RoutePolicy.target(null, view(Phase.PROMOTED, true), true)).isEqualTo("1.1.0");
        assertThat(RoutePolicy.target(null, view(Phase.PROMOTED, false), true)).isEqualTo("1.0.0");
        Assignment onA = new Assignment("e1", "A", "1.0.0");
        assertThat(RoutePolicy.target(onA, view(Phase.PROMOTED, true), true)).isEqualTo("1.1.0");
    }

    @Test
    void should_serve_a_paused_experiment_from_its_control_unmeasured() {
        assertThat(RoutePolicy.target(ON_B, view(Phase.PAUSED, false), true)).isEqualTo("1.0.0");
        assertThat(RoutePolicy.measured(ON_B, view(Phase.PAUSED, false))).isFalse();
    }

    @Test
    void should_serve_the_active_version_without_an_experiment() {
        DeploymentView none = new DeploymentView("2.0.0", null, false);
        assertThat(RoutePolicy.target(null, none, true)).isEqualTo("2.0.0");
        assertThat(RoutePolicy.target(ON_B, none, true)).isEqualTo("2.0.0");
        assertThat(RoutePolicy.target(ON_B, none, false)).isEqualTo("1.1.0");
    }
}
