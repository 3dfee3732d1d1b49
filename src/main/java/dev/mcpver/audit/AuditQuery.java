package dev.mcpver.audit;

import org.jspecify.annotations.Nullable;

/**
 * A page of the audit trail.
 *
 * @param afterSeq entries with a larger seq (0 = from the start)
 * @param limit page size, 1–1000
 * @param targetType only entries about this kind of target, if set
 * @param targetId only entries about this target, if set (with {@code targetType})
 * @param action only entries with this action, if set
 */
public record AuditQuery(
        long afterSeq,
        int limit,
        @Nullable String targetType,
        @Nullable String targetId,
        @Nullable String action) {
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        if (afterSeq < 0) {
            throw new IllegalArgumentException("after must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (targetId != null && targetType == null) {
            throw new IllegalArgumentException("targetId needs targetType");
        }
    }
}
