package dev.mcpver.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.store.Database;
import dev.mcpver.testing.TestDatabases;
import dev.mcpver.tools.ToolCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The offline planner: one intent per request kind, deterministic down to the exported bytes. */
class OfflinePlannerTest {
    @TempDir
    Path directory;

    static Stream<Arguments> intents() {
        return Stream.of(
                Arguments.of(
                        "upgrade_check",
                        "Can we move filesystem from 2025.8.21 to 2025.11.25 without breaking our agents?",
                        "Moving filesystem from 2025.8.21 to 2025.11.25 is an upgrade with a minor change"),
                Arguments.of("version_compare", "Is 1.10.0 newer than 1.9.3?", "1.10.0 is newer than 1.9.3"),
                Arguments.of(
                        "range_check",
                        "Does 1.4.2 satisfy ^1.2.3?",
                        "1.4.2 satisfies ^1.2.3 (^1.2.3 means >=1.2.3 <2.0.0-0)"),
                Arguments.of(
                        "resolve_best",
                        "Which of 1.2.0, 1.3.5 and 2.0.0 is the highest that satisfies ^1.2?",
                        "the highest is 1.3.5"),
                Arguments.of(
                        "version_bump",
                        "What is the next minor version after 1.4.2?",
                        "The next minor version after 1.4.2 is 1.5.0"),
                Arguments.of("range_explain", "What does ~1.2 mean?", "~1.2 means >=1.2.0 <1.3.0-0"),
                Arguments.of(
                        "version_parse",
                        "Is 1.2.3-beta.1 a valid version?",
                        "1.2.3-beta.1 is a valid SemVer version: major 1, minor 2, patch 3, prerelease beta.1"),
                Arguments.of("none", "Tell me a joke", "I could not map this request"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("intents")
    void should_answer_each_intent_with_a_byte_identical_export_on_two_runs(
            String intent, String message, String expected) {
        String first = exportOf(directory.resolve("a"), message);
        String second = exportOf(directory.resolve("b"), message);

        assertThat(first).isEqualTo(second);
        assertThat(first).contains("Parsed request: intent " + intent).contains(expected.replace("\"", "\\\""));
        assertThat(first).endsWith("}\n").doesNotContain("\r");
    }

    @Test
    void should_plan_thought_tools_thought_answer_with_labelled_answer() {
        AgentHarness harness = new AgentHarness(directory, AgentHarness.offline(), List.of(), null);

        ChatResult result = harness.agent.chat(
                ChatInput.of("Is 1.10.0 newer than 1.9.3?"), AgentHarness.VIEWER, RunObserver.none());

        assertThat(result.mode()).isEqualTo("offline");
        assertThat(result.answer())
                .isEqualTo(OfflinePlanner.LABEL
                        + "1.10.0 is newer than 1.9.3 (semver_compare = 1); they differ by a minor change.");
        assertThat(result.warnings()).anyMatch(warning -> warning.startsWith("offline planner"));
        assertThat(harness.kinds(result.runId()))
                .containsExactly(
                        StepKind.USER_MESSAGE,
                        StepKind.MODEL_REQUEST,
                        StepKind.MODEL_RESPONSE,
                        StepKind.THOUGHT,
                        StepKind.TOOL_RESULT,
                        StepKind.MODEL_REQUEST,
                        StepKind.MODEL_RESPONSE,
                        StepKind.TOOL_CALL,
                        StepKind.TOOL_RESULT,
                        StepKind.TOOL_CALL,
                        StepKind.TOOL_RESULT,
                        StepKind.MODEL_REQUEST,
                        StepKind.MODEL_RESPONSE,
                        StepKind.THOUGHT,
                        StepKind.TOOL_RESULT,
                        StepKind.MODEL_REQUEST,
                        StepKind.MODEL_RESPONSE,
                        StepKind.FINAL_ANSWER);
        Run run = harness.store.run(result.runId()).orElseThrow();
        assertThat(run.plannerKind()).isEqualTo(PlannerKind.OFFLINE);
        assertThat(run.modelId()).isEqualTo(OfflinePlanner.MODEL_ID);
        assertThat(run.usage()).isEqualTo(TokenCounts.ZERO);
        assertThat(harness.store.steps(result.runId()).get(7).toolCallId()).isEqualTo("off-2-1");
    }

    @Test
    void should_skip_intents_whose_tools_are_missing_and_offer_only_usable_examples() {
        Database database = Database.openMigrated(TestDatabases.sqliteUrl(directory));
        SequentialThinking thinking = new SequentialThinking();
        ToolCatalog onlyNext = new ToolCatalog(
                List.of(thinking.toolDef(), SemverToolDoubles.all().get(5)));
        Agent agent = Agent.builder(
                        AgentSettings.defaults(), onlyNext, new dev.mcpver.store.JdbiTraceStore(database), thinking)
                .build();

        ChatResult compare =
                agent.chat(ChatInput.of("Is 1.10.0 newer than 1.9.3?"), AgentHarness.VIEWER, RunObserver.none());
        ChatResult bump = agent.chat(ChatInput.of("bump 1.4.2 major"), AgentHarness.VIEWER, RunObserver.none());

        assertThat(compare.answer())
                .contains("I could not map")
                .contains("next minor version after 1.4.2")
                .doesNotContain("newer than 1.9.3?");
        assertThat(bump.answer()).endsWith("The next major version after 1.4.2 is 2.0.0.");
        assertThat(new OfflinePlanner(SemverIntents.all()).available(Set.of("semver_next")))
                .extracting(Intent::name)
                .containsExactly("version_bump");
    }

    @Test
    void should_list_patch_minor_and_major_when_no_bump_is_named() {
        AgentHarness harness = new AgentHarness(directory, AgentHarness.offline(), List.of(), null);

        ChatResult result =
                harness.agent.chat(ChatInput.of("next version after 1.4.2?"), AgentHarness.VIEWER, RunObserver.none());

        assertThat(result.answer()).endsWith("After 1.4.2: patch → 1.4.3, minor → 1.5.0, major → 2.0.0.");
    }

    @Test
    void should_call_a_downgrade_a_rollback() {
        AgentHarness harness = new AgentHarness(directory, AgentHarness.offline(), List.of(), null);

        ChatResult result = harness.agent.chat(
                ChatInput.of("Is it safe to move from 2.1.0 to 1.9.0?"), AgentHarness.VIEWER, RunObserver.none());

        assertThat(result.answer()).contains("is a downgrade (1.9.0 is older), a major step back");
    }

    private static String exportOf(Path directory, String message) {
        AgentHarness harness = new AgentHarness(directory, AgentHarness.offline(), List.of(), null);
        ChatResult result = harness.agent.chat(ChatInput.of(message), AgentHarness.VIEWER, RunObserver.none());
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        return harness.agent.traces().export(result.conversationId());
    }
}
