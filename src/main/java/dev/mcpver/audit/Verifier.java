package dev.mcpver.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks a chain entry by entry (ascending {@code seq}) and names every place it breaks: an edited entry (its
 * content no longer matches its hash), a broken link (an earlier entry was edited and re-hashed, or rows were
 * moved), missing entries (a gap in {@code seq}), and a head that does not match the last entry (the tail was
 * deleted). Keeps the first {@link #MAX_PROBLEMS} problems and counts the rest. Not thread-safe.
 */
public final class Verifier {
    /** Problems kept in a report; more are counted only. */
    public static final int MAX_PROBLEMS = 100;

    private final AuditChain chain = new AuditChain();
    private final List<AuditProblem> problems = new ArrayList<>();
    private long problemCount;
    private long expectedSeq = 1;
    private String expectedPrev = AuditChain.GENESIS;
    private long checked;

    Verifier() {}

    /** Checks the next entry of the chain. */
    public void accept(AuditEntry entry) {
        checked++;
        boolean gap = entry.seq() != expectedSeq;
        if (gap) {
            reportGap(entry.seq());
        }
        if (!chain.hashOf(entry).equals(entry.hash())) {
            report(new AuditProblem(
                    entry.seq(),
                    AuditProblem.Kind.EDITED,
                    "entry " + entry.seq() + " does not match its hash: its content (or its position) was changed"));
        } else if (!gap && !entry.prevHash().equals(expectedPrev)) {
            report(new AuditProblem(
                    entry.seq(),
                    AuditProblem.Kind.BROKEN_LINK,
                    "entry " + entry.seq() + " does not link to entry " + (entry.seq() - 1)
                            + ": an earlier entry was changed and re-hashed, or entries were moved"));
        }
        expectedSeq = entry.seq() + 1;
        expectedPrev = entry.hash();
    }

    /**
     * The verdict, comparing the last entry seen with the head the store recorded at its last append.
     *
     * @param headSeq the sequence number of the newest entry according to the store's head record
     * @param headHash the hash of that entry according to the head record
     */
    public AuditVerification finish(long headSeq, String headHash) {
        long lastSeq = expectedSeq - 1;
        if (lastSeq != headSeq || !expectedPrev.equals(headHash)) {
            String detail = lastSeq < headSeq
                    ? "the chain ends at entry " + lastSeq + " but " + headSeq + " were appended: entries "
                            + (lastSeq + 1) + ".." + headSeq + " were deleted"
                    : "the last entry (" + lastSeq + ") does not match the recorded head (" + headSeq
                            + "): the tail was changed, or the head record was";
            report(new AuditProblem(Math.max(lastSeq, headSeq), AuditProblem.Kind.HEAD_MISMATCH, detail));
        }
        return new AuditVerification(
                problemCount == 0, checked, lastSeq, expectedPrev, List.copyOf(problems), problemCount);
    }

    private void reportGap(long seq) {
        if (seq > expectedSeq) {
            String range = seq - 1 == expectedSeq
                    ? "entry " + expectedSeq + " is"
                    : "entries " + expectedSeq + ".." + (seq - 1) + " are";
            report(new AuditProblem(expectedSeq, AuditProblem.Kind.MISSING, range + " missing (deleted)"));
        } else {
            report(new AuditProblem(
                    seq, AuditProblem.Kind.OUT_OF_ORDER, "entry " + seq + " appears after entry " + (expectedSeq - 1)));
        }
    }

    private void report(AuditProblem problem) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        }
    }
}
