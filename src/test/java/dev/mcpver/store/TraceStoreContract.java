package dev.mcpver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.agent.Blob;
import dev.mcpver.agent.Conversation;
import dev.mcpver.agent.PlannerKind;
import dev.mcpver.agent.ReplayDiff;
import dev.mcpver.agent.Run;
import dev.mcpver.agent.RunOrigin;
import dev.mcpver.agent.RunStatus;
import dev.mcpver.agent.Step;
import dev.mcpver.agent.StepKind;
import dev.mcpver.agent.TokenCounts;
import dev.mcpver.agent.TraceBundle;
import dev.mcpver.agent.TraceStore;
import dev.mcpver.auth.Role;
import dev.mcpver.json.CanonicalJson;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;

/** The trace store on every vendor: round trips, append-only steps, atomic transitions, crash recovery, import. */
abstract class TraceStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    abstract String freshUrl();

    @Test
    void should_store_and_read_back_a_conversation_run_and_steps_exactly() {
        Database database = Database.openMigrated(freshUrl());
        TraceStore store = new JdbiTraceStore(database);
        store.createConversation(new Conversation("c1", "title", T0, T0));
        Run run = run("r1", RunOrigin.CHAT, null, null);
        store.createRun(run);
        Step first = step("r1", 0, StepKind.USER_MESSAGE, null, null);
        Step second = new Step(
                "r1:1",
                "r1",
                1,
                StepKind.MODEL_RESPONSE,
                "r1:0",
                0,
                "b1",
                1,
                null,
                2,
                "m",
                "call_1",
                "error",
                "model_rate_limited",
                "slow down",
                true,
                T0,
                T0.plusMillis(5),
                5L,
                new TokenCounts(1, 2, 3),
                "stop",
                payload("x"),
                CanonicalJson.sha256(payload("x")));
        try (TraceStore.StepWriter writer = store.writer()) {
            writer.append(first);
            writer.append(second);
        }

        assertThat(store.conversation("c1")).contains(new Conversation("c1", "title", T0, T0));
        assertThat(store.run("r1")).contains(run);
        assertThat(store.steps("r1")).containsExactly(first, second);
        assertThat(store.runs("c1")).containsExactly(run);
        assertThat(store.run("missing")).isEmpty();
    }

    @Test
    void should_never_rewrite_or_duplicate_a_recorded_step() {
        Database database = Database.openMigrated(freshUrl());
        TraceStore store = new JdbiTraceStore(database);
        store.createConversation(new Conversation("c1", "t", T0, T0));
        store.createRun(run("r1", RunOrigin.CHAT, null, null));
        try (TraceStore.StepWriter writer = store.writer()) {
            writer.append(step("r1", 0, StepKind.USER_MESSAGE, null, null));
            assertThatThrownBy(() -> writer.append(step("r1", 0, StepKind.ERROR, null, null)))
                    .isInstanceOf(JdbiException.class);
        }

        assertThatThrownBy(() -> database.jdbi()
                        .useHandle(handle -> handle.execute("UPDATE steps SET kind = 'error' WHERE id = 'r1:0'")))
                .isInstanceOf(JdbiException.class)
                .hasMessageContaining("append-only");
        assertThat(store.steps("r1")).extracting(Step::kind).containsExactly(StepKind.USER_MESSAGE);
    }

    @Test
    void should_move_a_run_between_states_only_from_the_expected_one() {
        TraceStore store = new JdbiTraceStore(Database.openMigrated(freshUrl()));
        store.createConversation(new Conversation("c1", "t", T0, T0));
        store.createRun(run("r1", RunOrigin.CHAT, null, null).withStatus(RunStatus.AWAITING_CONFIRMATION));

        assertThat(store.transition("r1", RunStatus.AWAITING_CONFIRMATION, RunStatus.RUNNING))
                .isTrue();
        assertThat(store.transition("r1", RunStatus.AWAITING_CONFIRMATION, RunStatus.RUNNING))
                .isFalse();
        Run finished = store.run("r1")
                .orElseThrow()
                .finish(
                        RunStatus.SUCCEEDED,
                        new Run.RunTotals(new TokenCounts(3, 4, 7), 2, 1, "yes", null, null),
                        T0.plusSeconds(2));
        store.updateRun(finished);
        assertThat(store.run("r1")).contains(finished);
        assertThat(finished.durationMs()).isEqualTo(2000);
    }

    @Test
    void should_mark_runs_left_running_as_interrupted_and_keep_their_steps() {
        TraceStore store = new JdbiTraceStore(Database.openMigrated(freshUrl()));
        store.createConversation(new Conversation("c1", "t", T0, T0));
        store.createRun(run("r1", RunOrigin.CHAT, null, null));
        store.createRun(run("r2", RunOrigin.CHAT, null, null).withStatus(RunStatus.AWAITING_CONFIRMATION));
        try (TraceStore.StepWriter writer = store.writer()) {
            writer.append(step("r1", 0, StepKind.USER_MESSAGE, null, null));
        }

        assertThat(store.interruptRunning(T0.plusSeconds(60))).isEqualTo(1);

        Run interrupted = store.run("r1").orElseThrow();
        assertThat(interrupted.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(interrupted.errorCode()).isEqualTo("interrupted");
        assertThat(store.run("r2").orElseThrow().status()).isEqualTo(RunStatus.AWAITING_CONFIRMATION);
        assertThat(store.steps("r1")).hasSize(1);
    }

    @Test
    void should_store_blobs_once_and_diffs_in_logical_order() {
        TraceStore store = new JdbiTraceStore(Database.openMigrated(freshUrl()));
        store.createConversation(new Conversation("c1", "t", T0, T0));
        store.createRun(run("r1", RunOrigin.CHAT, null, null));
        store.createRun(run("r2", RunOrigin.REPLAY, "r1", null));
        Blob blob = Blob.of("text/plain", "prompt");
        store.putBlob(blob);
        store.putBlob(blob);
        store.saveDiffs(List.of(diff("r2", "r10.s1"), diff("r2", "r2.s1")));

        assertThat(store.blob(blob.sha256())).contains(blob);
        assertThat(store.diffs("r2")).extracting(ReplayDiff::logicalKey).containsExactly("r2.s1", "r10.s1");
    }

    @Test
    void should_import_a_whole_conversation_atomically() {
        TraceStore store = new JdbiTraceStore(Database.openMigrated(freshUrl()));
        Run parent = run("r1", "c9", RunOrigin.CHAT, null, null);
        Run fork = run("r2", "c9", RunOrigin.FORK, "r1", 1);
        TraceBundle bundle = new TraceBundle(
                new Conversation("c9", "imported", T0, T0),
                List.of(
                        new TraceBundle.RunSteps(
                                parent,
                                List.of(
                                        step("r1", 0, StepKind.USER_MESSAGE, null, null),
                                        step("r1", 1, StepKind.MODEL_REQUEST, null, null))),
                        new TraceBundle.RunSteps(fork, List.of(step("r2", 1, StepKind.MODEL_REQUEST, "r1:0", 0)))),
                List.of(Blob.of("text/plain", "p")));
        TraceBundle broken = new TraceBundle(
                new Conversation("c10", "x", T0, T0),
                List.of(new TraceBundle.RunSteps(
                        run("r3", "c10", RunOrigin.CHAT, null, null),
                        List.of(
                                step("r3", 0, StepKind.USER_MESSAGE, null, null),
                                step("r3", 0, StepKind.ERROR, null, null)))),
                List.of());

        store.importConversation(bundle);

        assertThat(store.runs("c9")).hasSize(2);
        assertThat(store.steps("r2"))
                .singleElement()
                .satisfies(step -> assertThat(step.parentId()).isEqualTo("r1:0"));
        assertThatThrownBy(() -> store.importConversation(broken)).isInstanceOf(JdbiException.class);
        assertThat(store.conversation("c10")).isEmpty();
    }

    private static Run run(String id, RunOrigin origin, String parent, Integer forkStep) {
        return run(id, "c1", origin, parent, forkStep);
    }

    private static Run run(String id, String conversation, RunOrigin origin, String parent, Integer forkStep) {
        return new Run(
                id,
                conversation,
                origin,
                parent,
                forkStep,
                null,
                origin == RunOrigin.REPLAY ? "verify" : null,
                PlannerKind.OFFLINE,
                null,
                "offline/rules-v1",
                RunStatus.RUNNING,
                null,
                null,
                T0,
                null,
                null,
                TokenCounts.ZERO,
                0,
                0,
                "p".repeat(64),
                "c".repeat(64),
                JsonNodeFactory.instance.objectNode().put("mcpver", "t"),
                null,
                "tester",
                Role.VIEWER);
    }

    private static Step step(String runId, int index, StepKind kind, String parentId, Integer parentIndex) {
        ObjectNode payload = payload(kind.wire());
        return new Step(
                Step.idOf(runId, index),
                runId,
                index,
                kind,
                parentId,
                parentIndex,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                T0,
                null,
                null,
                null,
                null,
                payload,
                CanonicalJson.sha256(payload));
    }

    private static ObjectNode payload(String text) {
        return JsonNodeFactory.instance.objectNode().put("text", text);
    }

    private static ReplayDiff diff(String run, String key) {
        return new ReplayDiff(run, key, "result_changed", "t", null, null, null, "a", "b", "{}", "{}");
    }
}
