package dev.mcpver.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.GatewaySettings;
import dev.mcpver.abtest.ExperimentStatus;
import dev.mcpver.abtest.StopRecord;
import dev.mcpver.migrate.CanaryDecision;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.testing.MigrationTestbed;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The canary port driven by the gateway: traffic through the front, the ramp, promotion, abort, the operator. */
class GatewayCanaryTest {
    private static final String GOOD = "1.7.0";
    private static final int MIN_SAMPLES = 20;

    @TempDir
    Path temp;

    private GatewayTestbed testbed;
    private final Map<String, CanaryDecision> operator = new ConcurrentHashMap<>();
    private final AtomicInteger unit = new AtomicInteger();
    private GatewayCanary canary;

    @BeforeEach
    void setUp() {
        testbed = new GatewayTestbed(temp, GatewaySettings.defaults().withLimits(100_000, 100_000, 512));
        testbed.install(temp, GOOD, "ok");
        GatewayCanary.ManualVerdicts manual = new GatewayCanary.ManualVerdicts() {
            @Override
            public void start(String updateId, DeploymentId deployment, String from, String to, int percent) {
                operator.put(updateId, CanaryDecision.pending());
            }

            @Override
            public CanaryDecision decision(String updateId) {
                return operator.getOrDefault(updateId, CanaryDecision.pending());
            }
        };
        canary = new GatewayCanary(
                testbed.experiments,
                manual,
                testbed.gateway::refreshRoutes,
                List.of(5, 25, 50),
                MIN_SAMPLES,
                Duration.ZERO,
                Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        testbed.close();
    }

    /** Stateless tool calls, each from a new client id; then the observations are ingested. */
    private void traffic(int calls) {
        for (int i = 0; i < calls; i++) {
            RawMcp.Answer answer = RawMcp.post(
                    testbed.baseUrl() + GatewayTestbed.ENDPOINT,
                    RawMcp.call(i, "echo", "{\"text\":\"x\"}"),
                    Map.of(
                            "Authorization",
                            "Bearer " + GatewayTestbed.TOKEN,
                            GatewayServlet.CLIENT_HEADER,
                            "unit-" + unit.incrementAndGet()));
            assertThat(answer.status()).isEqualTo(200);
        }
        testbed.gateway.flushMetrics();
    }

    private double canaryWeight(String experimentId) {
        return testbed.experiments
                .get(experimentId)
                .spec()
                .variant(GatewayCanary.CANARY)
                .orElseThrow()
                .weight();
    }

    @Test
    void should_ramp_stepwise_and_promote_a_healthy_canary() {
        String id = canary.start("u-good", MigrationTestbed.ID, GatewayTestbed.STABLE, GOOD, 5);
        List<Double> ramp = new ArrayList<>(List.of(canaryWeight(id)));
        CanaryDecision decision = CanaryDecision.pending();
        for (int round = 0; round < 60 && decision.verdict() == CanaryDecision.Verdict.PENDING; round++) {
            traffic(60);
            decision = canary.decision(id);
            if (canaryWeight(id) != ramp.get(ramp.size() - 1)) {
                ramp.add(canaryWeight(id));
            }
        }
        assertThat(decision.verdict()).isEqualTo(CanaryDecision.Verdict.PROMOTE);
        assertThat(ramp).containsExactly(5.0, 25.0, 50.0);

        canary.stop(id);
        StopRecord stop = testbed.experiments.get(id).stop();
        assertThat(stop).isNotNull();
        assertThat(stop.winner()).isEqualTo(GatewayCanary.CANARY);
        assertThat(GatewayTestbed.statusVersion(testbed.client("after-promotion")))
                .isEqualTo(GOOD);
    }

    @Test
    void should_abort_when_the_canary_breaches_the_error_guardrail() {
        String id = canary.start("u-bad", MigrationTestbed.ID, GatewayTestbed.STABLE, GatewayTestbed.FLAKY, 10);
        CanaryDecision decision = CanaryDecision.pending();
        for (int round = 0; round < 40 && decision.verdict() == CanaryDecision.Verdict.PENDING; round++) {
            traffic(60);
            decision = canary.decision(id);
        }
        assertThat(decision.verdict()).isEqualTo(CanaryDecision.Verdict.ROLLBACK);
        assertThat(testbed.experiments.get(id).status()).isEqualTo(ExperimentStatus.STOPPED);
        assertThat(canaryWeight(id)).isEqualTo(10.0);
        canary.stop(id);
        assertThat(GatewayTestbed.statusVersion(testbed.client("after-abort"))).isEqualTo(GatewayTestbed.STABLE);
    }

    @Test
    void should_take_the_operators_verdict_first() {
        String id = canary.start("u-op", MigrationTestbed.ID, GatewayTestbed.STABLE, GOOD, 5);
        assertThat(canary.decision(id).verdict()).isEqualTo(CanaryDecision.Verdict.PENDING);
        operator.put("u-op", new CanaryDecision(CanaryDecision.Verdict.ROLLBACK, "looks wrong"));
        assertThat(canary.decision(id)).isEqualTo(new CanaryDecision(CanaryDecision.Verdict.ROLLBACK, "looks wrong"));
        canary.stop(id);
        assertThat(testbed.experiments.get(id).status()).isEqualTo(ExperimentStatus.STOPPED);
    }
}
