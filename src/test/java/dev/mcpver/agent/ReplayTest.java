package dev.mcpver.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mcpver.store.Database;
import dev.mcpver.testing.TestDatabases;
import dev.mcpver.tools.ToolDef;
import dev.mcpver.tools.ToolOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verify replays, reruns, and export/import round trips. */
class ReplayTest {
    private static final String UPGRADE =
            "Can we move filesystem from 2025.8.21 to 2025.11.25 without breaking our agents?";

    @TempDir
    Path directory;

    @Test
    void should_find_a_recorded_run_identical_when_nothing_changed() {
        AgentHarness harness = new AgentHarness(directory, AgentHarness.offline(), List.of(), null);
        ChatResult original = harness.agent.chat(ChatInput.of(UPGRADE), AgentHarness.VIEWER, RunObserver.none());

        ReplayResult replay = harness.agent.replay(original.runId(), "verify", AgentHarness.VIEWER);

        assertThat(replay.status()).isEqualTo(RunStatus.IDENTICAL);
        assertThat(replay.diffs()).isEmpty();
        Run run = harness.store.run(replay.replayRunId()).orElseThrow();
        assertThat(run.origin()).isEqualTo(RunOrigin.REPLAY);
        assertThat(run.replayMode()).isEqualTo("verify");
        assertThat(run.plannerKind()).isEqualTo(PlannerKind.TAPE);
        assertThat(run.parentRunId()).isEqualTo(original.runId());
        assertThat(run.finalAnswer()).isEqualTo(original.answer());
        assertThat(harness.kinds(replay.replayRunId())).isEqualTo(harness.kinds(original.runId()));
    }

    @Test
    void should_report_exactly_one_result_changed_when_one_engine_answers_differently() {
        Database database = Database.openMigrated(TestDatabases.sqliteUrl(directory));
        AgentHarness recorded = new AgentHarness(database, AgentHarness.offline(), List.of(), null);
        ChatResult original = recorded.agent.chat(ChatInput.of(UPGRADE), AgentHarness.VIEWER, RunObserver.none());
        List<ToolDef> upgraded = replace(
                SemverToolDoubles.all(),
                "semver_diff",
                (args, ctx) ->
                        ToolOutcome.ok(JsonNodeFactory.instance.objectNode().put("diff", "major")));
        AgentHarness after = new AgentHarness(database, AgentHarness.offline(), upgraded, null, true);

        ReplayResult replay = after.agent.replay(original.runId(), "verify", AgentHarness.VIEWER);

        assertThat(replay.status()).isEqualTo(RunStatus.DIVERGED);
        assertThat(replay.diffs()).singleElement().satisfies(diff -> {
            assertThat(diff.kind()).isEqualTo("result_changed");
            assertThat(diff.logicalKey()).isEqualTo("r2.s2");
            assertThat(diff.toolName()).isEqualTo("semver_diff");
            assertThat(diff.expectedJson()).isEqualTo("{\"diff\":\"minor\"}");
            assertThat(diff.actualJson()).isEqualTo("{\"diff\":\"major\"}");
        });
        assertThat(after.store.run(replay.replayRunId()).orElseThrow().status()).isEqualTo(RunStatus.DIVERGED);
    }

    @Test
    void should_report_a_tool_that_no_longer_exists() {
        Database database = Database.openMigrated(TestDatabases.sqliteUrl(directory));
        AgentHarness recorded = new AgentHarness(database, AgentHarness.offline(), List.of(), null);
        ChatResult original = recorded.agent.chat(ChatInput.of(UPGRADE), AgentHarness.VIEWER, RunObserver.none());
        List<ToolDef> without = new ArrayList<>(SemverToolDoubles.all());
        without.removeIf(def -> def.name().equals("semver_compare"));
        AgentHarness after = new AgentHarness(database, AgentHarness.offline(), without, null, true);

        ReplayResult replay = after.agent.replay(original.runId(), "verify", AgentHarness.VIEWER);

        assertThat(replay.diffs()).extracting(ReplayDiff::kind).containsExactly("tool_missing");
        assertThat(replay.diffs().get(0).logicalKey()).isEqualTo("r2.s1");
    }

    @Test
    void should_verify_an_online_run_from_its_successful_responses_only() {
        ScriptedChatModel model = new ScriptedChatModel()
                .thenCall("c1", "semver_compare", "{\"a\":\"1.0.0\",\"b\":\"2.0.0\"}")
                .thenCall("c2", "nope", "{}")
                .thenAnswer("2.0.0 is newer");
        AgentHarness harness = new AgentHarness(directory, AgentHarness.online(), List.of(), model);
        ChatResult original = harness.agent.chat(ChatInput.of("compare"), AgentHarness.VIEWER, RunObserver.none());

        ReplayResult replay = harness.agent.replay(original.runId(), "verify", AgentHarness.VIEWER);

        assertThat(replay.status()).isEqualTo(RunStatus.IDENTICAL);
        assertThat(model.requests).hasSize(3);
    }

    @Test
    void should_note_where_a_failed_original_ended_without_calling_it_a_difference() {
        ScriptedChatModel model = new ScriptedChatModel()
                .thenCall("c1", "semver_compare", "{\"a\":\"1.0.0\",\"b\":\"2.0.0\"}")
                .then(request -> {
                    throw new dev.langchain4j.exception.AuthenticationException("bad key");
                });
        AgentHarness harness = new AgentHarness(directory, AgentHarness.online(), List.of(), model);
        ChatResult original = harness.agent.chat(ChatInput.of("compare"), AgentHarness.VIEWER, RunObserver.none());

        ReplayResult replay = harness.agent.replay(original.runId(), "verify", AgentHarness.VIEWER);

        assertThat(original.status()).isEqualTo(RunStatus.FAILED);
        assertThat(replay.status()).isEqualTo(RunStatus.IDENTICAL);
        assertThat(replay.notes()).anyMatch(note -> note.startsWith("the original run ended here: failed"));
    }

    @Test
    void should_rerun_an_offline_run_by_planning_again() {
        AgentHarness harness = new AgentHarness(directory, AgentHarness.offline(), List.of(), null);
        ChatResult original =
                harness.agent.chat(ChatInput.of("Does 1.4.2 satisfy ^1.2.3?"), AgentHarness.VIEWER, RunObserver.none());

        ReplayResult rerun = harness.agent.replay(original.runId(), "rerun", AgentHarness.VIEWER);

        assertThat(rerun.status()).isEqualTo(RunStatus.IDENTICAL);
        assertThat(harness.store.run(rerun.replayRunId()).orElseThrow().replayMode())
                .isEqualTo("rerun");
        assertThatThrownBy(() -> harness.agent.replay(rerun.replayRunId(), "verify", AgentHarness.VIEWER))
                .isInstanceOf(AgentException.class)
                .hasMessageContaining("is a replay");
    }

    @Test
    void should_round_trip_an_export_through_import_byte_for_byte_and_verify_the_imported_runs() {
        AgentHarness source = new AgentHarness(directory.resolve("source"), AgentHarness.offline(), List.of(), null);
        ChatResult chat = source.agent.chat(ChatInput.of(UPGRADE), AgentHarness.VIEWER, RunObserver.none());
        source.agent.fork(
                chat.runId(),
                new ForkInput(0, "Is 1.10.0 newer than 1.9.3?", null, null, null),
                AgentHarness.VIEWER,
                RunObserver.none());
        source.agent.replay(chat.runId(), "verify", AgentHarness.VIEWER);
        String exported = source.agent.traces().export(chat.conversationId());
        AgentHarness target = new AgentHarness(directory.resolve("target"), AgentHarness.offline(), List.of(), null);

        target.agent.traces().importText(exported);

        assertThat(target.agent.traces().export(chat.conversationId())).isEqualTo(exported);
        assertThat(target.agent
                        .replay(chat.runId(), "verify", AgentHarness.VIEWER)
                        .status())
                .isEqualTo(RunStatus.IDENTICAL);
        assertThatThrownBy(() -> target.agent.traces().importText(exported))
                .isInstanceOf(AgentException.class)
                .hasMessageContaining("exists already");
    }

    @Test
    void should_refuse_an_import_whose_payload_was_edited() {
        AgentHarness source = new AgentHarness(directory.resolve("source"), AgentHarness.offline(), List.of(), null);
        ChatResult chat = source.agent.chat(ChatInput.of(UPGRADE), AgentHarness.VIEWER, RunObserver.none());
        String tampered = source.agent.traces().export(chat.conversationId()).replace("\"minor\"", "\"major\"");
        AgentHarness target = new AgentHarness(directory.resolve("target"), AgentHarness.offline(), List.of(), null);

        assertThatThrownBy(() -> target.agent.traces().importText(tampered))
                .isInstanceOf(AgentException.class)
                .hasMessageContaining("does not match its sha256");
    }

    private static List<ToolDef> replace(List<ToolDef> tools, String name, dev.mcpver.tools.ToolHandler handler) {
        List<ToolDef> replaced = new ArrayList<>();
        for (ToolDef def : tools) {
            replaced.add(
                    def.name().equals(name)
                            ? new ToolDef(
                                    def.name(),
                                    def.title(),
                                    def.description(),
                                    def.inputSchema(),
                                    def.outputSchema(),
                                    def.hints(),
                                    def.requiredRole(),
                                    def.requiresConfirmation(),
                                    handler)
                            : def);
        }
        return replaced;
    }
}
