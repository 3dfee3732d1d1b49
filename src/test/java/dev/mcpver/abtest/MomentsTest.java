package dev.mcpver.abtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MomentsTest {
    @Test
    void should_merge_batches_into_the_aggregate_of_all_values() {
        Random random = new Random(1);
        double[] values = new double[10_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = 1e6 + random.nextGaussian();
        }
        Moments merged = Moments.EMPTY;
        for (int from = 0; from < values.length; from += 777) {
            merged = merged.merge(Moments.of(values, from, Math.min(values.length, from + 777)));
        }

        double mean = java.util.Arrays.stream(values).average().orElseThrow();
        double ss = java.util.Arrays.stream(values)
                .map(x -> (x - mean) * (x - mean))
                .sum();
        assertThat(merged.n()).isEqualTo(10_000);
        assertThat(merged.mean()).isCloseTo(mean, within(1e-9));
        assertThat(merged.variance()).isCloseTo(ss / 9_999, within(1e-9));
    }

    @Test
    void should_keep_exact_counts_for_binary_values_and_undefined_variance_below_two() {
        Moments ones = Moments.of(1, 0, 1, 1).merge(Moments.of(0, 1));

        assertThat(ones.successes()).isEqualTo(4);
        assertThat(ones.mean()).isEqualTo(4.0 / 6);
        assertThat(Moments.of(5).variance()).isNull();
        assertThat(Moments.EMPTY.stddev()).isNull();
        assertThat(Moments.of(-1, 1, -1, 1).mean()).isZero();
    }
}
