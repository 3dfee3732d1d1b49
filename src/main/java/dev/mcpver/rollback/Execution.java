package dev.mcpver.rollback;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the rollback history: a create, verify, restore, confirm, undo or prune, who ran it and how it ended.
 *
 * @param id ULID
 * @param kind what ran
 * @param status how it stands
 * @param pointId the point involved, if any
 * @param deployment the deployment involved, if any
 * @param initiator who asked
 * @param startedAt start
 * @param finishedAt end; null while running
 * @param detail facts about the run (never secrets): counts, directories, problems, causes
 */
public record Execution(
        String id,
        Kind kind,
        Status status,
        @Nullable String pointId,
        @Nullable DeploymentId deployment,
        Initiator initiator,
        Instant startedAt,
        @Nullable Instant finishedAt,
        Map<String, String> detail) {
    /** What an execution did. */
    public enum Kind {
        CREATE,
        VERIFY,
        RESTORE,
        CONFIRM,
        UNDO,
        PRUNE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where an execution stands. */
    public enum Status {
        RUNNING,
        SUCCEEDED,
        FAILED,
        /** A restore that switched the deployment; the previous state can still be switched back. */
        AWAITING_CONFIRMATION,
        /** A restore confirmed: the previous state is no longer offered. */
        CONFIRMED,
        /** A restore switched back to the previous state. */
        UNDONE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Execution {
        detail = Map.copyOf(detail);
    }
}
