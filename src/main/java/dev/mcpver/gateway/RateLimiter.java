package dev.mcpver.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per client: {@code rate} requests per second, bursts up to {@code burst}. Idle buckets are dropped by
 * {@link #forgetIdle}. Thread-safe.
 */
final class RateLimiter {
    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    private final double perNano;
    private final int burst;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int ratePerSecond, int burst, LongSupplier nanos) {
        this.perNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.nanos = nanos;
    }

    /** Takes a token for the client; false when its bucket is empty. */
    boolean tryAcquire(String client) {
        long now = nanos.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledAt) * perNano);
            bucket.refilledAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return true;
            }
            return false;
        }
    }

    /** Drops buckets that have been full for a while (their clients went away). */
    void forgetIdle() {
        long now = nanos.getAsLong();
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().tokens + (now - e.getValue().refilledAt) * perNano >= burst;
            }
        });
    }
}
