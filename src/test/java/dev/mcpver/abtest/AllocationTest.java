package dev.mcpver.abtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AllocationTest {
    private static List<VariantSpec> weights(double... w) {
        List<VariantSpec> variants = new java.util.ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            variants.add(new VariantSpec(String.valueOf((char) ('A' + i)), "1." + i + ".0", w[i]));
        }
        return variants;
    }

    @Test
    void should_split_buckets_by_weight_and_cover_every_bucket() {
        Allocation allocation = Allocation.initial(weights(1, 1, 1));

        assertThat(allocation.size("A") + allocation.size("B") + allocation.size("C"))
                .isEqualTo(Allocation.BUCKETS);
        assertThat(allocation.size("A")).isEqualTo(333_334);
        assertThat(allocation.variantAt(0)).isEqualTo("A");
        assertThat(allocation.variantAt(Allocation.BUCKETS - 1)).isEqualTo("C");
    }

    @Test
    void should_give_the_same_bucket_to_a_unit_every_time() {
        int bucket = Allocation.bucket("salt-1", "session-42");

        assertThat(Allocation.bucket("salt-1", "session-42")).isEqualTo(bucket);
        assertThat(Allocation.bucket("salt-2", "session-42")).isNotEqualTo(bucket);
        // pinned (computed independently with Python's hashlib): the same on every JVM, replica and release
        assertThat(bucket).isEqualTo(169_396);
    }

    @Test
    void should_move_only_the_released_mass_when_weights_change() {
        Allocation before = Allocation.initial(weights(50, 50));
        Allocation after = before.rebalance(weights(90, 10));

        int moved = 0;
        for (int bucket = 0; bucket < Allocation.BUCKETS; bucket += 7) {
            String was = before.variantAt(bucket);
            String now = after.variantAt(bucket);
            if (!was.equals(now)) {
                moved++;
                assertThat(was).isEqualTo("B");
            }
        }
        assertThat(after.size("A")).isEqualTo(900_000);
        assertThat(moved).isBetween(57_000 - 200, 57_143 + 200); // 40 % of the sampled buckets
    }

    @Test
    void should_round_trip_through_its_text_form() {
        Allocation allocation = Allocation.initial(weights(3, 1, 1)).rebalance(weights(1, 2, 2));

        assertThat(Allocation.decode(allocation.encode())).isEqualTo(allocation);
    }

    @Property(tries = 200)
    void should_move_exactly_the_total_variation_distance(
            @ForAll @Size(min = 2, max = 5) List<@DoubleRange(min = 0.5, max = 100) Double> first,
            @ForAll @Size(min = 2, max = 5) List<@DoubleRange(min = 0.5, max = 100) Double> second) {
        int k = Math.min(first.size(), second.size());
        List<VariantSpec> a = weights(
                first.subList(0, k).stream().mapToDouble(Double::doubleValue).toArray());
        List<VariantSpec> b = weights(
                second.subList(0, k).stream().mapToDouble(Double::doubleValue).toArray());
        Allocation before = Allocation.initial(a);

        Allocation after = before.rebalance(b);

        long expectedMoves = 0;
        for (VariantSpec v : a) {
            expectedMoves += Math.max(0, before.size(v.key()) - after.size(v.key()));
        }
        long moved = 0;
        for (VariantSpec v : a) {
            moved += after.size(v.key())
                    - overlap(before.ranges().get(v.key()), after.ranges().get(v.key()));
        }
        assertThat(moved).isEqualTo(expectedMoves);
        assertThat(Allocation.targets(b)).isEqualTo(sizes(after, b));
    }

    private static long overlap(List<BucketRange> a, List<BucketRange> b) {
        long total = 0;
        for (BucketRange x : a) {
            for (BucketRange y : b) {
                total += Math.max(0, Math.min(x.end(), y.end()) - Math.max(x.start(), y.start()));
            }
        }
        return total;
    }

    private static java.util.Map<String, Integer> sizes(Allocation allocation, List<VariantSpec> variants) {
        java.util.Map<String, Integer> sizes = new java.util.LinkedHashMap<>();
        variants.forEach(v -> sizes.put(v.key(), allocation.size(v.key())));
        return sizes;
    }
}
