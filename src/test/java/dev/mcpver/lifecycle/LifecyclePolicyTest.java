package dev.mcpver.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.auth.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LifecyclePolicyTest {
    /**
     * The expected table, written independently of the implementation: row = from, column = to (in {@link Stage}
     * order: dev, test, stag, prod, depr, arch). "-" not allowed, "O" operator, "A" admin; "*" marks a gated move.
     */
    private static final Map<Stage, String[]> EXPECTED = Map.of(
            Stage.DEVELOPMENT, new String[] {"-", "O", "-", "-", "-", "O"},
            Stage.TESTING, new String[] {"O", "-", "O", "-", "-", "O"},
            Stage.STAGING, new String[] {"-", "O", "-", "O*", "-", "O"},
            Stage.PRODUCTION, new String[] {"-", "-", "-", "-", "O", "-"},
            Stage.DEPRECATED, new String[] {"-", "-", "-", "A*", "-", "A"},
            Stage.ARCHIVED, new String[] {"-", "-", "-", "-", "-", "-"});

    static Stream<Arguments> everyPairAndRole() {
        List<Arguments> cases = new ArrayList<>();
        for (Stage from : Stage.values()) {
            for (Stage to : Stage.values()) {
                for (Role role : Role.values()) {
                    cases.add(Arguments.of(from, to, role));
                }
            }
        }
        return cases.stream(); // 6 × 6 × 3 = 108
    }

    @ParameterizedTest(name = "{0} -> {1} as {2}")
    @MethodSource("everyPairAndRole")
    void should_decide_every_pair_of_stages_for_every_role_as_the_table_says(Stage from, Stage to, Role role) {
        String cell = EXPECTED.get(from)[to.ordinal()];

        TransitionDecision decision = LifecyclePolicy.standard().decide(from, to, role);

        if (cell.equals("-")) {
            assertThat(decision).isInstanceOf(TransitionDecision.NotAllowed.class);
            assertThat(((TransitionDecision.NotAllowed) decision).allowedNext())
                    .containsExactlyInAnyOrderElementsOf(allowedFrom(from));
            return;
        }
        Role needed = cell.startsWith("A") ? Role.ADMIN : Role.OPERATOR;
        if (role.includes(needed)) {
            assertThat(decision).isInstanceOf(TransitionDecision.Allowed.class);
            Transition transition = ((TransitionDecision.Allowed) decision).transition();
            assertThat(transition.gated()).isEqualTo(cell.endsWith("*"));
            assertThat(transition.role()).isEqualTo(needed);
        } else {
            assertThat(decision).isInstanceOf(TransitionDecision.Forbidden.class);
            assertThat(((TransitionDecision.Forbidden) decision).transition().role())
                    .isEqualTo(needed);
        }
    }

    private static List<Stage> allowedFrom(Stage from) {
        List<Stage> allowed = new ArrayList<>();
        for (Stage to : Stage.values()) {
            if (!EXPECTED.get(from)[to.ordinal()].equals("-")) {
                allowed.add(to);
            }
        }
        return allowed;
    }

    @ParameterizedTest
    @MethodSource("stages")
    void should_only_reach_production_through_the_gates(Stage from) {
        LifecyclePolicy.standard()
                .find(from, Stage.PRODUCTION)
                .ifPresent(t -> assertThat(t.gated()).isTrue());
    }

    static Stream<Stage> stages() {
        return Stream.of(Stage.values());
    }

    @ParameterizedTest
    @MethodSource("stages")
    void should_read_back_every_stage_from_its_wire_name(Stage stage) {
        assertThat(Stage.fromWire(stage.wireName())).contains(stage);
        assertThat(Stage.fromWire(" " + stage.name() + " ")).contains(stage);
    }

    @org.junit.jupiter.api.Test
    void should_score_the_weighted_mean_and_fail_below_eighty() {
        List<GateResult> allPass = List.of(
                GateResult.pass("signature", 25, "ok", Map.of()), GateResult.pass("checksum", 75, "ok", Map.of()));
        List<GateResult> warnings = List.of(
                GateResult.pass("signature", 60, "ok", Map.of()),
                GateResult.warn("checksum", 40, "not verifiable", Map.of()));
        List<GateResult> fewWarnings = List.of(
                GateResult.pass("signature", 60, "ok", Map.of()),
                GateResult.warn("checksum", 39, "not verifiable", Map.of()));

        assertThat(SecurityScore.of(allPass)).isEqualTo(100);
        assertThat(SecurityScore.of(warnings)).isEqualTo(80);
        assertThat(SecurityScore.of(fewWarnings)).isEqualTo(80);
        assertThat(SecurityScore.of(
                        List.of(GateResult.warn("a", 30, "x", Map.of()), GateResult.pass("b", 70, "y", Map.of()))))
                .isEqualTo(85);
        GateReport report = GateReport.of(
                "v1",
                Stage.PRODUCTION,
                List.of(
                        GateResult.pass("signature", 50, "ok", Map.of()),
                        GateResult.warn("checksum", 50, "?", Map.of())),
                Instant.EPOCH);
        assertThat(report.score()).isEqualTo(75);
        assertThat(report.passed()).isFalse();
        assertThat(report.failedGates()).containsExactly(SecurityScore.GATE);
    }
}
