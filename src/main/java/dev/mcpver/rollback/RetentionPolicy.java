package dev.mcpver.rollback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How long rollback points live: at most {@code maxPointsPerDeployment} per deployment (newest kept) and none past
 * its expiry ({@code createdAt + maxAge} unless the point set its own). Pinned points — the rollback point of a
 * migration in flight, the point of a restore awaiting confirmation — are never removed.
 *
 * @param maxPointsPerDeployment at least 1
 * @param maxAge default lifetime of a new point
 */
public record RetentionPolicy(int maxPointsPerDeployment, Duration maxAge) {
    public static final RetentionPolicy DEFAULT = new RetentionPolicy(10, Duration.ofDays(30));

    public RetentionPolicy {
        if (maxPointsPerDeployment < 1 || maxPointsPerDeployment > 10_000) {
            throw new IllegalArgumentException("maxPointsPerDeployment must be between 1 and 10000");
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
    }

    /** A point to remove, and why. */
    public record Removal(RollbackPoint point, String reason) {}

    /** The points this policy removes from {@code points} at {@code now}; pinned ids are kept. */
    public List<Removal> removals(List<RollbackPoint> points, Instant now, Set<String> pinned) {
        List<Removal> removals = new ArrayList<>();
        Map<DeploymentId, List<RollbackPoint>> byDeployment = new LinkedHashMap<>();
        for (RollbackPoint point : points) {
            byDeployment
                    .computeIfAbsent(point.deployment(), d -> new ArrayList<>())
                    .add(point);
        }
        for (List<RollbackPoint> group : byDeployment.values()) {
            removals.addAll(removalsOf(group, now, pinned));
        }
        return removals;
    }

    private List<Removal> removalsOf(List<RollbackPoint> group, Instant now, Set<String> pinned) {
        List<RollbackPoint> newestFirst = new ArrayList<>(group);
        newestFirst.sort(Comparator.comparing(RollbackPoint::createdAt)
                .thenComparing(RollbackPoint::id)
                .reversed());
        List<Removal> removals = new ArrayList<>();
        int kept = 0;
        for (RollbackPoint point : newestFirst) {
            if (pinned.contains(point.id())) {
                kept++;
            } else if (point.expired(now)) {
                removals.add(new Removal(point, "expired at " + point.expiresAt()));
            } else if (kept >= maxPointsPerDeployment) {
                removals.add(new Removal(
                        point, "more than " + maxPointsPerDeployment + " points for " + point.deployment()));
            } else {
                kept++;
            }
        }
        return removals;
    }
}
