package dev.mcpver.abtest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which variant owns which of the {@value #BUCKETS} assignment buckets. A unit (session, client) lands in bucket
 * {@code SHA-256(salt + ":" + unit) mod BUCKETS}, so assignment is deterministic and sticky, and identical on
 * every replica and after restarts (the ranges and the salt are stored with the experiment).
 *
 * <p>Changing weights moves the least possible mass: each shrinking variant releases buckets from the top of its
 * ranges, and the growing variants take exactly those, lowest first. A unit moves only if its bucket was released;
 * the share of moved units equals the total-variation distance between the old and new splits (50/50 → 90/10
 * moves 40 % of B's units to A and nobody else).
 *
 * @param ranges per variant key (declaration order), sorted disjoint ranges that together cover every bucket
 */
public record Allocation(Map<String, List<BucketRange>> ranges) {
    /** A million buckets: weights are honoured to 1 ppm. */
    public static final int BUCKETS = 1_000_000;

    public Allocation {
        Map<String, List<BucketRange>> copy = new LinkedHashMap<>();
        ranges.forEach((key, list) -> copy.put(key, List.copyOf(list)));
        ranges = java.util.Collections.unmodifiableMap(copy);
        requireCover(ranges);
    }

    /** Contiguous ranges in declaration order, sized by the weights (largest remainder). */
    public static Allocation initial(List<VariantSpec> variants) {
        Map<String, List<BucketRange>> ranges = new LinkedHashMap<>();
        int start = 0;
        for (Map.Entry<String, Integer> target : targets(variants).entrySet()) {
            ranges.put(target.getKey(), new ArrayList<>());
            if (target.getValue() > 0) {
                ranges.get(target.getKey()).add(new BucketRange(start, start + target.getValue()));
                start += target.getValue();
            }
        }
        return new Allocation(ranges);
    }

    /** The allocation for new weights (same variants), moving the fewest buckets. */
    public Allocation rebalance(List<VariantSpec> variants) {
        Map<String, Integer> targets = targets(variants);
        List<BucketRange> released = new ArrayList<>();
        Map<String, List<BucketRange>> kept = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> target : targets.entrySet()) {
            List<BucketRange> owned = ranges.getOrDefault(target.getKey(), List.of());
            kept.put(target.getKey(), keepLowest(owned, target.getValue(), released));
        }
        released.sort(Comparator.comparingInt(BucketRange::start));
        for (Map.Entry<String, List<BucketRange>> owned : kept.entrySet()) {
            int missing = targets.getOrDefault(owned.getKey(), 0) - total(owned.getValue());
            owned.getValue().addAll(take(released, missing));
        }
        Map<String, List<BucketRange>> normalized = new LinkedHashMap<>();
        kept.forEach((key, list) -> normalized.put(key, merge(list)));
        return new Allocation(normalized);
    }

    /** The variant owning a bucket. */
    public String variantAt(int bucket) {
        for (Map.Entry<String, List<BucketRange>> entry : ranges.entrySet()) {
            for (BucketRange range : entry.getValue()) {
                if (range.contains(bucket)) {
                    return entry.getKey();
                }
            }
        }
        throw new IllegalArgumentException("bucket " + bucket + " is outside [0, " + BUCKETS + ")");
    }

    /** Buckets owned by a variant. */
    public int size(String key) {
        return total(ranges.getOrDefault(key, List.of()));
    }

    /** The bucket of a unit: {@code SHA-256(salt ":" unit)} read as an unsigned 64-bit number, mod BUCKETS. */
    public static int bucket(String salt, String unit) {
        byte[] digest = sha256((salt + ":" + unit).getBytes(StandardCharsets.UTF_8));
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (digest[i] & 0xff);
        }
        return (int) Long.remainderUnsigned(value, BUCKETS);
    }

    /** Compact text form for storage: {@code A=0:500000;B=500000:1000000}. */
    public String encode() {
        StringBuilder text = new StringBuilder();
        ranges.forEach((key, list) -> {
            text.append(text.length() == 0 ? "" : ";").append(key).append('=');
            for (int i = 0; i < list.size(); i++) {
                text.append(i == 0 ? "" : ",")
                        .append(list.get(i).start())
                        .append(':')
                        .append(list.get(i).end());
            }
        });
        return text.toString();
    }

    public static Allocation decode(String text) {
        Map<String, List<BucketRange>> ranges = new LinkedHashMap<>();
        for (String part : text.split(";", -1)) {
            int equals = part.indexOf('=');
            List<BucketRange> list = new ArrayList<>();
            String spans = part.substring(equals + 1);
            for (String span : spans.isEmpty() ? new String[0] : spans.split(",", -1)) {
                int colon = span.indexOf(':');
                list.add(new BucketRange(
                        Integer.parseInt(span.substring(0, colon)), Integer.parseInt(span.substring(colon + 1))));
            }
            ranges.put(part.substring(0, equals), list);
        }
        return new Allocation(ranges);
    }

    /** Bucket counts proportional to the weights; remainders go to the largest fractions, then declaration order. */
    static Map<String, Integer> targets(List<VariantSpec> variants) {
        double total = variants.stream().mapToDouble(VariantSpec::weight).sum();
        int[] counts = new int[variants.size()];
        double[] fractions = new double[variants.size()];
        int assigned = 0;
        for (int i = 0; i < variants.size(); i++) {
            double exact = BUCKETS * variants.get(i).weight() / total;
            counts[i] = (int) Math.floor(exact);
            fractions[i] = exact - counts[i];
            assigned += counts[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> -fractions[i]).thenComparingInt(i -> i));
        for (int k = 0; k < BUCKETS - assigned; k++) {
            counts[order.get(k % order.size())]++;
        }
        Map<String, Integer> targets = new LinkedHashMap<>();
        for (int i = 0; i < variants.size(); i++) {
            targets.put(variants.get(i).key(), counts[i]);
        }
        return targets;
    }

    /** Keeps the lowest {@code target} buckets of {@code owned}; the rest goes to {@code released}. */
    private static List<BucketRange> keepLowest(List<BucketRange> owned, int target, List<BucketRange> released) {
        List<BucketRange> kept = new ArrayList<>();
        int left = target;
        for (BucketRange range : owned) {
            int keep = Math.min(left, range.size());
            if (keep > 0) {
                kept.add(new BucketRange(range.start(), range.start() + keep));
            }
            if (keep < range.size()) {
                released.add(new BucketRange(range.start() + keep, range.end()));
            }
            left -= keep;
        }
        return kept;
    }

    /** Removes {@code count} buckets from the front of the pool. */
    private static List<BucketRange> take(List<BucketRange> pool, int count) {
        List<BucketRange> taken = new ArrayList<>();
        int left = count;
        while (left > 0) {
            BucketRange first = pool.remove(0);
            int use = Math.min(left, first.size());
            taken.add(new BucketRange(first.start(), first.start() + use));
            if (use < first.size()) {
                pool.add(0, new BucketRange(first.start() + use, first.end()));
            }
            left -= use;
        }
        return taken;
    }

    private static List<BucketRange> merge(List<BucketRange> ranges) {
        List<BucketRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt(BucketRange::start));
        List<BucketRange> merged = new ArrayList<>();
        for (BucketRange range : sorted) {
            BucketRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.end() == range.start()) {
                merged.set(merged.size() - 1, new BucketRange(last.start(), range.end()));
            } else {
                merged.add(range);
            }
        }
        return merged;
    }

    private static int total(List<BucketRange> ranges) {
        return ranges.stream().mapToInt(BucketRange::size).sum();
    }

    private static void requireCover(Map<String, List<BucketRange>> ranges) {
        List<BucketRange> all = new ArrayList<>();
        ranges.values().forEach(all::addAll);
        all.sort(Comparator.comparingInt(BucketRange::start));
        int next = 0;
        for (BucketRange range : all) {
            if (range.start() != next) {
                throw new IllegalArgumentException("bucket ranges overlap or leave a gap at " + next);
            }
            next = range.end();
        }
        if (next != BUCKETS) {
            throw new IllegalArgumentException("bucket ranges end at " + next + ", not " + BUCKETS);
        }
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
