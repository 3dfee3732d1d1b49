package dev.mcpver.audit;

/**
 * One place where the chain is broken.
 *
 * @param seq the entry where the break shows (for {@link Kind#MISSING}, the first missing one)
 * @param kind what kind of break
 * @param detail a sentence for the operator
 */
public record AuditProblem(long seq, Kind kind, String detail) {
    /** Kinds of breaks, in the order a verifier may find them. */
    public enum Kind {
        /** The entry's content no longer matches its hash. */
        EDITED,
        /** The entry's {@code prevHash} is not the previous entry's hash. */
        BROKEN_LINK,
        /** Sequence numbers skip: entries were deleted. */
        MISSING,
        /** Sequence numbers go backwards. */
        OUT_OF_ORDER,
        /** The newest entry is not the one the head record names: the tail was deleted or changed. */
        HEAD_MISMATCH
    }
}
