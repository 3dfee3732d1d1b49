package dev.mcpver.abtest;

/** Buckets {@code [start, end)} of the assignment space owned by one variant. */
public record BucketRange(int start, int end) {
    public BucketRange {
        if (start < 0 || end <= start || end > Allocation.BUCKETS) {
            throw new IllegalArgumentException("invalid bucket range [" + start + ", " + end + ")");
        }
    }

    public int size() {
        return end - start;
    }

    public boolean contains(int bucket) {
        return bucket >= start && bucket < end;
    }
}
