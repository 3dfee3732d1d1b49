package dev.mcpver.audit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Walks a chain, or one segment of it, entry by entry in ascending {@code seq} and names every place it breaks: an
 * edited entry (its content no longer matches its hash), a broken link (an earlier entry was edited and re-hashed,
 * or rows were moved), missing entries (a gap in {@code seq}), and a head that does not match the last entry (the
 * tail was deleted). Keeps the first {@link #MAX_PROBLEMS} problems and counts the rest. Segments verified in
 * parallel are joined with {@link #join}. Not thread-safe: one verifier per thread.
 */
public final class Verifier {
    /** Problems kept in a report; more are counted only. */
    public static final int MAX_PROBLEMS = 100;

    private final AuditChain chain = new AuditChain();
    private final List<AuditProblem> problems = new ArrayList<>();
    private final long firstSeq;
    /** False for a segment: the link of its first entry is checked by {@link #join}. */
    private final boolean checksFirstLink;

    private long problemCount;
    private long expectedSeq;
    private byte @Nullable [] expectedPrev;
    private byte @Nullable [] firstPrev;
    private long firstRowSeq;
    private long checked;

    Verifier(long firstSeq, @Nullable String expectedPrev) {
        this.firstSeq = firstSeq;
        this.checksFirstLink = expectedPrev != null;
        this.expectedSeq = firstSeq;
        this.expectedPrev = expectedPrev == null ? null : ascii(expectedPrev);
    }

    /** Checks the next entry of the chain. */
    public void accept(AuditEntry entry) {
        accept(RawEntry.of(entry));
    }

    /** Checks the next entry of the chain, as raw bytes. */
    public void accept(RawEntry entry) {
        if (checked == 0) {
            firstPrev = entry.prevHash();
            firstRowSeq = entry.seq();
        }
        checked++;
        boolean gap = entry.seq() != expectedSeq;
        if (gap) {
            reportGap(entry.seq());
        }
        if (!chain.matches(entry)) {
            report(new AuditProblem(
                    entry.seq(),
                    AuditProblem.Kind.EDITED,
                    "entry " + entry.seq() + " does not match its hash: its content (or its position) was changed"));
        } else if (!gap && expectedPrev != null && !Arrays.equals(entry.prevHash(), expectedPrev)) {
            report(brokenLink(entry.seq()));
        }
        expectedSeq = entry.seq() + 1;
        expectedPrev = entry.hash().clone();
    }

    /**
     * The verdict, comparing the last entry seen with the head the store recorded at its last append.
     *
     * @param headSeq the sequence number of the newest entry according to the store's head record
     * @param headHash the hash of that entry according to the head record
     */
    public AuditVerification finish(long headSeq, String headHash) {
        return join(List.of(this), headSeq, headHash);
    }

    /**
     * Joins segments verified separately (in seq order, covering 1..n without overlap): checks that each segment's
     * first entry links to the previous segment's last one, then compares the end with the head.
     */
    public static AuditVerification join(List<Verifier> segments, long headSeq, String headHash) {
        return join(segments, headSeq, headHash, List.of());
    }

    /** {@link #join(List, long, String)} with problems the caller found outside the segments. */
    public static AuditVerification join(
            List<Verifier> segments, long headSeq, String headHash, List<AuditProblem> extra) {
        List<AuditProblem> all = new ArrayList<>(extra);
        long count = extra.size();
        long checked = 0;
        byte[] previous = ascii(AuditChain.GENESIS);
        long lastSeq = 0;
        for (Verifier segment : segments) {
            count += segment.problemCount;
            checked += segment.checked;
            if (segment.checked == 0) {
                all.addAll(segment.problems);
                continue;
            }
            if (segment.firstRowSeq > lastSeq + 1 && segment.firstSeq > lastSeq + 1) {
                // one gap across the border: report it once, from the end of the previous segment
                all.add(missing(lastSeq + 1, segment.firstRowSeq - 1));
                count += segment.startsWithGap() ? 0 : 1;
                all.addAll(segment.problemsAfterFirstGap());
            } else {
                all.addAll(segment.problems);
            }
            boolean linked = segment.firstSeq == lastSeq + 1 && segment.gapFree() && segment.firstHashOk();
            if (!segment.checksFirstLink && linked && !Arrays.equals(segment.firstPrev, previous)) {
                all.add(segment.brokenLink(segment.firstSeq));
                count++;
            }
            previous = segment.expectedPrev == null ? previous : segment.expectedPrev;
            lastSeq = segment.expectedSeq - 1;
        }
        String lastHash = new String(previous, StandardCharsets.US_ASCII);
        if (lastSeq != headSeq || !lastHash.equals(headHash)) {
            all.add(headMismatch(lastSeq, headSeq));
            count++;
        }
        all.sort(Comparator.comparingLong(AuditProblem::seq));
        List<AuditProblem> kept = all.subList(0, Math.min(MAX_PROBLEMS, all.size()));
        return new AuditVerification(count == 0, checked, lastSeq, lastHash, kept, count);
    }

    private boolean startsWithGap() {
        return !gapFree();
    }

    private List<AuditProblem> problemsAfterFirstGap() {
        return problems.stream()
                .filter(p -> !(p.seq() == firstSeq && p.kind() == AuditProblem.Kind.MISSING))
                .toList();
    }

    private boolean gapFree() {
        return problems.stream().noneMatch(p -> p.seq() == firstSeq && p.kind() == AuditProblem.Kind.MISSING);
    }

    private boolean firstHashOk() {
        return problems.stream().noneMatch(p -> p.seq() == firstSeq && p.kind() == AuditProblem.Kind.EDITED);
    }

    private AuditProblem brokenLink(long seq) {
        return new AuditProblem(
                seq,
                AuditProblem.Kind.BROKEN_LINK,
                "entry " + seq + " does not link to entry " + (seq - 1)
                        + ": an earlier entry was changed and re-hashed, or entries were moved");
    }

    private static AuditProblem headMismatch(long lastSeq, long headSeq) {
        String detail = lastSeq < headSeq
                ? "the chain ends at entry " + lastSeq + " but " + headSeq + " were appended: entries " + (lastSeq + 1)
                        + ".." + headSeq + " were deleted"
                : "the last entry (" + lastSeq + ") does not match the recorded head (" + headSeq
                        + "): the tail was changed, or the head record was";
        return new AuditProblem(Math.max(lastSeq, headSeq), AuditProblem.Kind.HEAD_MISMATCH, detail);
    }

    private static AuditProblem missing(long from, long to) {
        String range = from == to ? "entry " + from + " is" : "entries " + from + ".." + to + " are";
        return new AuditProblem(from, AuditProblem.Kind.MISSING, range + " missing (deleted)");
    }

    private void reportGap(long seq) {
        if (seq > expectedSeq) {
            report(missing(expectedSeq, seq - 1));
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

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
