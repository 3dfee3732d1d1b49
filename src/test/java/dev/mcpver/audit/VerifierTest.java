package dev.mcpver.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifierTest {
    /** A valid chain of {@code n} entries, built the way the store builds it. */
    static List<AuditEntry> chain(int n) {
        AuditChain hasher = new AuditChain();
        List<AuditEntry> entries = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (long seq = 1; seq <= n; seq++) {
            String at = "2026-11-21T10:00:0" + (seq % 10) + "Z";
            String after = "{\"n\":" + seq + "}";
            String hash =
                    hasher.hash(seq, at, "token:a", "thing.create", "thing", "t" + seq, null, after, "r" + seq, prev);
            entries.add(new AuditEntry(
                    seq, at, "token:a", "thing.create", "thing", "t" + seq, null, after, "r" + seq, prev, hash));
            prev = hash;
        }
        return entries;
    }

    static AuditVerification verify(List<AuditEntry> entries, long headSeq, String headHash) {
        Verifier verifier = AuditChain.verifier();
        entries.forEach(verifier::accept);
        return verifier.finish(headSeq, headHash);
    }

    static AuditVerification verify(List<AuditEntry> entries, List<AuditEntry> original) {
        AuditEntry head = original.get(original.size() - 1);
        return verify(entries, head.seq(), head.hash());
    }

    static AuditEntry withActor(AuditEntry e, String actor) {
        return new AuditEntry(
                e.seq(),
                e.at(),
                actor,
                e.action(),
                e.targetType(),
                e.targetId(),
                e.before(),
                e.after(),
                e.requestId(),
                e.prevHash(),
                e.hash());
    }

    @Test
    void should_accept_an_intact_chain_and_an_empty_one() {
        List<AuditEntry> entries = chain(20);

        AuditVerification ok = verify(entries, entries);
        AuditVerification empty = verify(List.of(), 0, AuditChain.GENESIS);

        assertThat(ok.valid()).isTrue();
        assertThat(ok.checked()).isEqualTo(20);
        assertThat(ok.lastHash()).isEqualTo(entries.get(19).hash());
        assertThat(empty.valid()).isTrue();
        assertThat(empty.checked()).isZero();
    }

    @Test
    void should_name_the_edited_entry_when_a_field_changes_without_rehashing() {
        List<AuditEntry> original = chain(10);
        List<AuditEntry> tampered = new ArrayList<>(original);
        tampered.set(6, withActor(original.get(6), "token:mallory"));

        AuditVerification result = verify(tampered, original);

        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.seq()).isEqualTo(7);
            assertThat(p.kind()).isEqualTo(AuditProblem.Kind.EDITED);
        });
    }

    @Test
    void should_name_the_broken_link_when_an_edited_entry_was_rehashed() {
        List<AuditEntry> original = chain(10);
        List<AuditEntry> tampered = new ArrayList<>(original);
        AuditEntry e = withActor(original.get(3), "token:mallory");
        String rehashed = new AuditChain().hashOf(e);
        tampered.set(
                3,
                new AuditEntry(
                        e.seq(),
                        e.at(),
                        e.actor(),
                        e.action(),
                        e.targetType(),
                        e.targetId(),
                        e.before(),
                        e.after(),
                        e.requestId(),
                        e.prevHash(),
                        rehashed));

        AuditVerification result = verify(tampered, original);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.seq()).isEqualTo(5);
            assertThat(p.kind()).isEqualTo(AuditProblem.Kind.BROKEN_LINK);
            assertThat(p.detail()).contains("does not link to entry 4");
        });
    }

    @Test
    void should_name_missing_entries_when_rows_in_the_middle_are_deleted() {
        List<AuditEntry> original = chain(10);
        List<AuditEntry> tampered = new ArrayList<>(original);
        tampered.remove(4);
        tampered.remove(4);

        AuditVerification result = verify(tampered, original);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.seq()).isEqualTo(5);
            assertThat(p.kind()).isEqualTo(AuditProblem.Kind.MISSING);
            assertThat(p.detail()).contains("entries 5..6 are missing");
        });
    }

    @Test
    void should_detect_a_deleted_tail_against_the_head_record() {
        List<AuditEntry> original = chain(10);

        AuditVerification result = verify(original.subList(0, 7), original);

        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(AuditProblem.Kind.HEAD_MISMATCH);
            assertThat(p.detail()).contains("entries 8..10 were deleted");
        });
    }

    @Test
    void should_detect_reordered_entries_when_two_rows_swap_positions() {
        List<AuditEntry> original = chain(10);
        AuditEntry a = original.get(2);
        AuditEntry b = original.get(3);
        List<AuditEntry> tampered = new ArrayList<>(original);
        // swap the contents of seq 3 and 4 while each keeps its position number
        tampered.set(
                2,
                new AuditEntry(
                        3,
                        b.at(),
                        b.actor(),
                        b.action(),
                        b.targetType(),
                        b.targetId(),
                        b.before(),
                        b.after(),
                        b.requestId(),
                        b.prevHash(),
                        b.hash()));
        tampered.set(
                3,
                new AuditEntry(
                        4,
                        a.at(),
                        a.actor(),
                        a.action(),
                        a.targetType(),
                        a.targetId(),
                        a.before(),
                        a.after(),
                        a.requestId(),
                        a.prevHash(),
                        a.hash()));

        AuditVerification result = verify(tampered, original);

        assertThat(result.valid()).isFalse();
        assertThat(result.problems())
                .filteredOn(p -> p.kind() == AuditProblem.Kind.EDITED)
                .extracting(AuditProblem::seq)
                .containsExactly(3L, 4L);
    }

    @Test
    void should_detect_out_of_order_sequence_numbers() {
        List<AuditEntry> original = chain(5);
        List<AuditEntry> tampered =
                List.of(original.get(0), original.get(2), original.get(1), original.get(3), original.get(4));

        AuditVerification result = verify(tampered, original);

        assertThat(result.problems()).extracting(AuditProblem::kind).contains(AuditProblem.Kind.OUT_OF_ORDER);
    }

    @Test
    void should_keep_the_first_hundred_problems_and_count_the_rest() {
        List<AuditEntry> original = chain(150);
        List<AuditEntry> tampered =
                original.stream().map(e -> withActor(e, "x")).toList();

        AuditVerification result = verify(tampered, original);

        assertThat(result.problems()).hasSize(Verifier.MAX_PROBLEMS);
        assertThat(result.problemCount()).isEqualTo(150);
    }

    /** Verifies {@code entries} split into {@code parts} segments by seq range over 1..headSeq, as the store does. */
    static AuditVerification verifyInSegments(List<AuditEntry> entries, long headSeq, String headHash, int parts) {
        long size = Math.max(1, (headSeq + parts - 1) / parts);
        List<Verifier> segments = new ArrayList<>();
        for (long from = 1; from <= Math.max(1, headSeq); from += size) {
            long first = from;
            long last = Math.min(headSeq, from + size - 1);
            Verifier segment = first == 1 ? AuditChain.verifier() : AuditChain.segment(first);
            entries.stream().filter(e -> e.seq() >= first && e.seq() <= last).forEach(segment::accept);
            segments.add(segment);
        }
        return Verifier.join(segments, headSeq, headHash);
    }

    @org.junit.jupiter.api.RepeatedTest(300)
    void should_report_the_same_breaks_whether_verified_whole_or_in_segments(
            org.junit.jupiter.api.RepetitionInfo repetition) {
        java.util.Random random = new java.util.Random(repetition.getCurrentRepetition());
        List<AuditEntry> original = chain(60);
        List<AuditEntry> tampered = new ArrayList<>(original);
        for (int edits = 1 + random.nextInt(3); edits > 0 && !tampered.isEmpty(); edits--) {
            int at = random.nextInt(tampered.size());
            switch (random.nextInt(3)) {
                case 0 -> tampered.set(at, withActor(tampered.get(at), "x" + edits));
                case 1 ->
                    tampered.subList(at, Math.min(tampered.size(), at + 1 + random.nextInt(15)))
                            .clear();
                default -> {
                    AuditEntry e = withActor(tampered.get(at), "y");
                    tampered.set(
                            at,
                            new AuditEntry(
                                    e.seq(),
                                    e.at(),
                                    e.actor(),
                                    e.action(),
                                    e.targetType(),
                                    e.targetId(),
                                    e.before(),
                                    e.after(),
                                    e.requestId(),
                                    e.prevHash(),
                                    new AuditChain().hashOf(e)));
                }
            }
        }
        AuditEntry head = original.get(original.size() - 1);

        AuditVerification whole = verify(tampered, head.seq(), head.hash());
        AuditVerification segmented = verifyInSegments(tampered, head.seq(), head.hash(), 1 + random.nextInt(5));

        assertThat(segmented.valid()).isEqualTo(whole.valid());
        assertThat(segmented.problems())
                .extracting(AuditProblem::seq, AuditProblem::kind)
                .containsExactlyElementsOf(whole.problems().stream()
                        .map(p -> org.assertj.core.groups.Tuple.tuple(p.seq(), p.kind()))
                        .toList());
        assertThat(segmented.problemCount()).isEqualTo(whole.problemCount());
    }

    @Test
    void should_hash_null_and_empty_fields_differently() {
        AuditChain chain = new AuditChain();

        String withNull = chain.hash(1, "t", "a", "x.y", "k", "i", null, "{}", "r", AuditChain.GENESIS);
        String withEmpty = chain.hash(1, "t", "a", "x.y", "k", "i", "", "{}", "r", AuditChain.GENESIS);
        String shifted = chain.hash(1, "t", "a", "x.y", "k", "i", "{}", null, "r", AuditChain.GENESIS);

        assertThat(withNull).isNotEqualTo(withEmpty).isNotEqualTo(shifted).hasSize(64);
    }
}
