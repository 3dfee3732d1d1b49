package dev.mcpver.abtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightEpochTest {
    private static final Instant T = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void should_expect_the_current_weights_without_samples_and_the_mixture_after_a_change() {
        WeightEpoch even = new WeightEpoch(0, Map.of("A", 50.0, "B", 50.0), Map.of("A", 0L, "B", 0L), T);
        WeightEpoch skewed = new WeightEpoch(1, Map.of("A", 90.0, "B", 10.0), Map.of("A", 500L, "B", 500L), T);

        Map<String, Double> none = WeightEpoch.expectedShares(List.of(even), Map.of("A", 0L, "B", 0L));
        Map<String, Double> mixed = WeightEpoch.expectedShares(List.of(even, skewed), Map.of("A", 1400L, "B", 600L));

        assertThat(none.get("A")).isEqualTo(0.5);
        // 1,000 samples at 50/50, then 1,000 at 90/10: A expects 0.5·0.5 + 0.5·0.9 = 0.7
        assertThat(mixed.get("A")).isCloseTo(0.7, within(1e-12));
        assertThat(mixed.get("B")).isCloseTo(0.3, within(1e-12));
    }
}
