package dev.mcpver.agent;

import static dev.mcpver.agent.ScriptedChatModel.call;
import static dev.mcpver.agent.ScriptedChatModel.calls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.mcpver.json.CanonicalJson;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop with scripted chat models: step order, parent links, sanitised history, tool problems, limits. */
class AgentLoopTest {
    @TempDir
    Path directory;

    private static final String THOUGHT =
            "{\"thought\":\"compare first\",\"nextThoughtNeeded\":true,\"thoughtNumber\":1,\"totalThoughts\":2}";

    @Test
    void should_record_every_step_in_order_with_parent_links_when_the_model_uses_several_tool_rounds() {
        ScriptedChatModel model = new ScriptedChatModel()
                .thenCall("c1", "sequentialthinking", THOUGHT)
                .then(calls(
                        call("c2", "semver_compare", "{\"a\":\"1.2.0\",\"b\":\"1.10.0\"}"),
                        call("c3", "semver_diff", "{\"a\":\"1.2.0\",\"b\":\"1.10.0\"}")))
                .thenCall(
                        "c4",
                        "final_answer",
                        "{\"answer\":\"1.10.0 is newer\",\"confidence\":\"high\","
                                + "\"decision\":{\"kind\":\"compare\",\"verdict\":\"newer\"}}");
        AgentHarness harness = harness(model);

        ChatResult result = harness.agent.chat(
                ChatInput.of("Is 1.10.0 newer than 1.2.0?"), AgentHarness.VIEWER, RunObserver.none());

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.answer()).isEqualTo("1.10.0 is newer");
        assertThat(result.decision().path("verdict").asText()).isEqualTo("newer");
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
                        StepKind.TOOL_CALL,
                        StepKind.TOOL_RESULT,
                        StepKind.FINAL_ANSWER);
        List<Step> steps = harness.store.steps(result.runId());
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            assertThat(step.index()).isEqualTo(i);
            assertThat(step.payloadSha256()).isEqualTo(CanonicalJson.sha256(step.payload()));
            if (step.kind() == StepKind.TOOL_RESULT) {
                Step parent = steps.get(step.parentIndex());
                assertThat(parent.toolCallId()).isEqualTo(step.toolCallId());
                assertThat(parent.kind()).isIn(StepKind.TOOL_CALL, StepKind.THOUGHT);
            }
            if (step.kind() == StepKind.MODEL_RESPONSE) {
                assertThat(steps.get(step.parentIndex()).kind()).isEqualTo(StepKind.MODEL_REQUEST);
            }
        }
        assertThat(steps.get(7).seq()).isEqualTo(1);
        assertThat(steps.get(9).seq()).isEqualTo(2);
        assertThat(steps.get(8).payload().path("result").path("result").asInt()).isEqualTo(-1);
        Run run = harness.store.run(result.runId()).orElseThrow();
        assertThat(run.rounds()).isEqualTo(3);
        assertThat(run.usage()).isEqualTo(new TokenCounts(30, 15, 45));
        assertThat(run.systemPromptSha256())
                .isEqualTo(Prompt.load(Prompt.SYSTEM).sha256());
        assertThat(run.toolCatalogSha256()).isEqualTo(harness.catalog.sha256());
        // the model saw the system prompt first and each tool result as a tool message, in call order
        List<ChatMessage> last = model.requests.get(2).messages();
        assertThat(last.get(0)).isInstanceOf(SystemMessage.class);
        assertThat(last.stream()
                        .filter(ToolExecutionResultMessage.class::isInstance)
                        .map(m -> ((ToolExecutionResultMessage) m).id()))
                .containsExactly("c1", "c2", "c3");
        assertThat(harness.store.blob(run.systemPromptSha256())).isPresent();
        assertThat(harness.store.blob(run.toolCatalogSha256())).isPresent();
    }

    @Test
    void should_answer_malformed_arguments_with_an_error_and_keep_a_valid_history_copy() {
        ScriptedChatModel model = new ScriptedChatModel()
                .thenCall("c1", "semver_compare", "{\"a\": \"2.0")
                .thenAnswer("sorry");
        AgentHarness harness = harness(model);

        ChatResult result = harness.agent.chat(ChatInput.of("compare"), AgentHarness.VIEWER, RunObserver.none());

        List<Step> steps = harness.store.steps(result.runId());
        Step callStep = steps.get(3);
        assertThat(callStep.kind()).isEqualTo(StepKind.TOOL_CALL);
        assertThat(callStep.status()).isEqualTo("error");
        assertThat(callStep.errorType()).isEqualTo("invalid_arguments");
        assertThat(callStep.payload().path("rawArguments").asText()).isEqualTo("{\"a\": \"2.0");
        assertThat(steps.get(4).errorType()).isEqualTo("invalid_arguments");
        AiMessage inHistory = (AiMessage) model.requests.get(1).messages().get(2);
        assertThat(inHistory.toolExecutionRequests().get(0).arguments()).isEqualTo("{}");
        ToolExecutionResultMessage toolMessage =
                (ToolExecutionResultMessage) model.requests.get(1).messages().get(3);
        assertThat(toolMessage.text()).startsWith("invalid_arguments: arguments are not valid JSON");
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(harness.store.run(result.runId()).orElseThrow().toolErrors()).isEqualTo(1);
    }

    @Test
    void should_report_schema_violations_unknown_tools_and_throwing_tools_to_the_model_and_finish() {
        ScriptedChatModel model = new ScriptedChatModel()
                .then(calls(
                        call("c1", "semver_compare", "{\"a\":\"1.0.0\"}"),
                        call("c2", "rollback_everything", "{}"),
                        call("c3", "explode", "{}")))
                .thenAnswer("done");
        AgentHarness harness = harness(model, List.of(SemverToolDoubles.exploding()));

        ChatResult result = harness.agent.chat(ChatInput.of("x"), AgentHarness.VIEWER, RunObserver.none());

        List<Step> results = harness.store.steps(result.runId()).stream()
                .filter(step -> step.kind() == StepKind.TOOL_RESULT)
                .toList();
        assertThat(results)
                .extracting(Step::errorType)
                .containsExactly("invalid_arguments", "unknown_tool", "tool_failed");
        assertThat(results.get(0).errorMessage()).contains("b");
        assertThat(results.get(1).errorMessage()).contains("available = [sequentialthinking, semver_parse");
        assertThat(results.get(2).errorMessage()).contains("engine exploded");
        Step unknownCall =
                harness.store.steps(result.runId()).get(results.get(1).parentIndex());
        assertThat(unknownCall.errorType()).isEqualTo("unknown_tool");
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(harness.store.run(result.runId()).orElseThrow().toolErrors()).isEqualTo(3);
        List<ChatMessage> second = model.requests.get(1).messages();
        assertThat(second.stream().filter(ToolExecutionResultMessage.class::isInstance))
                .hasSize(3);
    }

    @Test
    void should_stop_a_runaway_model_at_the_round_limit() {
        ScriptedChatModel model =
                new ScriptedChatModel().thenCall("loop", "semver_compare", "{\"a\":\"1.0.0\",\"b\":\"1.0.1\"}");
        AgentHarness harness = new AgentHarness(
                directory, AgentHarness.online().withLimits(3, 4, java.time.Duration.ofSeconds(5)), List.of(), model);

        ChatResult result = harness.agent.chat(ChatInput.of("loop"), AgentHarness.VIEWER, RunObserver.none());

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.errorCode()).isEqualTo("max_rounds_exceeded");
        assertThat(model.requests).hasSize(4);
        List<Step> steps = harness.store.steps(result.runId());
        assertThat(steps.get(steps.size() - 1).kind()).isEqualTo(StepKind.ERROR);
        assertThat(steps.get(steps.size() - 1).errorType()).isEqualTo("max_rounds_exceeded");
    }

    @Test
    void should_pause_a_state_changing_call_until_a_person_approves_it() {
        AtomicInteger executions = new AtomicInteger();
        ScriptedChatModel model = new ScriptedChatModel()
                .thenCall("p1", "promote_version", "{\"server\":\"filesystem\",\"version\":\"2.0.0\"}")
                .thenAnswer("promoted");
        AgentHarness harness = harness(model, List.of(SemverToolDoubles.promote(executions)));

        ChatResult paused = harness.agent.chat(ChatInput.of("promote it"), AgentHarness.OPERATOR, RunObserver.none());

        assertThat(paused.status()).isEqualTo(RunStatus.AWAITING_CONFIRMATION);
        assertThat(paused.pending().tool()).isEqualTo("promote_version");
        assertThat(executions).hasValue(0);
        assertThatThrownBy(() -> harness.agent.confirm(
                        paused.runId(), new ConfirmInput("approve", null), AgentHarness.VIEWER, RunObserver.none()))
                .isInstanceOf(AgentException.class)
                .hasMessageContaining("operator");

        ChatResult done = harness.agent.confirm(
                paused.runId(),
                new ConfirmInput("approve", "looks right"),
                new dev.mcpver.auth.Caller("alice", dev.mcpver.auth.Role.ADMIN),
                RunObserver.none());

        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(executions).hasValue(1);
        assertThat(harness.kinds(done.runId()))
                .containsExactly(
                        StepKind.USER_MESSAGE,
                        StepKind.MODEL_REQUEST,
                        StepKind.MODEL_RESPONSE,
                        StepKind.TOOL_CALL,
                        StepKind.CONFIRMATION,
                        StepKind.TOOL_RESULT,
                        StepKind.MODEL_REQUEST,
                        StepKind.MODEL_RESPONSE,
                        StepKind.FINAL_ANSWER);
        Step result = harness.store.steps(done.runId()).get(5);
        assertThat(result.payload().path("result").path("by").asText()).isEqualTo("alice");
        assertThatThrownBy(() -> harness.agent.confirm(
                        paused.runId(), new ConfirmInput("approve", null), AgentHarness.OPERATOR, RunObserver.none()))
                .hasMessageContaining("not awaiting_confirmation");
    }

    @Test
    void should_tell_the_model_when_a_person_rejects_a_proposed_change() {
        AtomicInteger executions = new AtomicInteger();
        ScriptedChatModel model = new ScriptedChatModel()
                .thenCall("p1", "promote_version", "{\"server\":\"filesystem\",\"version\":\"2.0.0\"}")
                .thenAnswer("not promoted");
        AgentHarness harness = harness(model, List.of(SemverToolDoubles.promote(executions)));
        ChatResult paused = harness.agent.chat(ChatInput.of("promote it"), AgentHarness.OPERATOR, RunObserver.none());

        ChatResult done = harness.agent.confirm(
                paused.runId(), new ConfirmInput("reject", "not today"), AgentHarness.OPERATOR, RunObserver.none());

        assertThat(executions).hasValue(0);
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        Step result = harness.store.steps(done.runId()).get(5);
        assertThat(result.errorType()).isEqualTo("rejected");
        ToolExecutionResultMessage told =
                (ToolExecutionResultMessage) model.requests.get(1).messages().get(3);
        assertThat(told.text()).startsWith("rejected: ");
    }

    @Test
    void should_number_a_fork_from_its_fork_point_and_inherit_the_prefix_without_touching_the_original() {
        ScriptedChatModel model = new ScriptedChatModel()
                .thenCall("c1", "semver_compare", "{\"a\":\"1.0.0\",\"b\":\"2.0.0\"}")
                .thenAnswer("first answer")
                .thenAnswer("forked answer");
        AgentHarness harness = harness(model);
        ChatResult original = harness.agent.chat(ChatInput.of("compare"), AgentHarness.VIEWER, RunObserver.none());
        List<Step> before = harness.store.steps(original.runId());

        ChatResult fork = harness.agent.fork(
                original.runId(),
                new ForkInput(5, null, "and now?", null, null),
                AgentHarness.VIEWER,
                RunObserver.none());

        assertThat(before.get(5).kind()).isEqualTo(StepKind.MODEL_REQUEST);
        assertThat(harness.store.steps(original.runId())).isEqualTo(before);
        List<Step> own = harness.store.steps(fork.runId());
        assertThat(own.get(0).index()).isEqualTo(5);
        assertThat(own)
                .extracting(Step::kind)
                .containsExactly(
                        StepKind.USER_MESSAGE, StepKind.MODEL_REQUEST, StepKind.MODEL_RESPONSE, StepKind.FINAL_ANSWER);
        assertThat(own.get(1).round()).isEqualTo(2);
        Run forkRun = harness.store.run(fork.runId()).orElseThrow();
        assertThat(forkRun.origin()).isEqualTo(RunOrigin.FORK);
        assertThat(forkRun.parentRunId()).isEqualTo(original.runId());
        assertThat(forkRun.forkStepIndex()).isEqualTo(5);
        assertThat(harness.agent.traces().effectiveSteps(fork.runId())).hasSize(9);
        // the inherited history reached the model: user, call, result, then the appended message
        List<ChatMessage> seen = model.requests.get(2).messages();
        assertThat(seen).hasSize(5);
        assertThat(fork.answer()).isEqualTo("forked answer");
    }

    @Test
    void should_reject_a_fork_point_that_is_not_a_boundary() {
        ScriptedChatModel model = new ScriptedChatModel()
                .thenCall("c1", "semver_compare", "{\"a\":\"1.0.0\",\"b\":\"2.0.0\"}")
                .thenAnswer("first answer");
        AgentHarness harness = harness(model);
        ChatResult original = harness.agent.chat(ChatInput.of("compare"), AgentHarness.VIEWER, RunObserver.none());

        assertThatThrownBy(() -> harness.agent.fork(
                        original.runId(),
                        new ForkInput(3, null, null, null, null),
                        AgentHarness.VIEWER,
                        RunObserver.none()))
                .hasMessageContaining("step 3 is a tool_call");
        assertThatThrownBy(() -> harness.agent.fork(
                        original.runId(),
                        new ForkInput(99, null, null, null, null),
                        AgentHarness.VIEWER,
                        RunObserver.none()))
                .hasMessageContaining("beyond");
    }

    @Test
    void should_carry_earlier_turns_of_a_conversation_into_the_next_run() {
        ScriptedChatModel model = new ScriptedChatModel().thenAnswer("first").thenAnswer("second");
        AgentHarness harness = harness(model);
        ChatResult first = harness.agent.chat(ChatInput.of("one"), AgentHarness.VIEWER, RunObserver.none());

        ChatResult second = harness.agent.chat(
                new ChatInput(first.conversationId(), "two", null, null), AgentHarness.VIEWER, RunObserver.none());

        assertThat(second.conversationId()).isEqualTo(first.conversationId());
        assertThat(harness.store.run(second.runId()).orElseThrow().previousRunId())
                .isEqualTo(first.runId());
        List<ChatMessage> seen = model.requests.get(1).messages();
        assertThat(seen).hasSize(4);
        assertThat(((AiMessage) seen.get(2)).text()).isEqualTo("first");
    }

    private AgentHarness harness(ScriptedChatModel model) {
        return harness(model, List.of());
    }

    private AgentHarness harness(ScriptedChatModel model, List<dev.mcpver.tools.ToolDef> extra) {
        return new AgentHarness(directory, AgentHarness.online(), extra, model);
    }

    @SuppressWarnings("unused")
    private static ToolExecutionRequest unused() {
        return call("x", "y", "{}");
    }
}
