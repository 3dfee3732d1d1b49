package dev.mcpver.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.mcpver.tools.ToolOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Rebuilds a run's chat history and loop state from its recorded steps, deterministically: what a paused run resumes
 * with, and what a fork inherits. The messages equal those the live loop held at the same point (assistant messages
 * sanitised, tool results re-rendered from the recorded outcome).
 */
final class History {
    private History() {}

    /** The state after a prefix of steps. */
    record Rebuilt(
            List<ChatMessage> messages,
            int rounds,
            List<PendingCall> pending,
            @Nullable Step lastResponse,
            List<JsonNode> thoughtArguments,
            @Nullable JsonNode finalAnswer,
            @Nullable Step finalAnswerResult,
            int userMessages,
            int messagesSent) {}

    static Rebuilt rebuild(List<ChatMessage> prefix, List<Step> steps) {
        State state = new State(prefix);
        steps.forEach(state::apply);
        return new Rebuilt(
                List.copyOf(state.messages),
                state.rounds,
                List.copyOf(state.pending.values()),
                state.lastResponse,
                List.copyOf(state.thoughts),
                state.finalAnswer,
                state.finalAnswerResult,
                state.userMessages,
                state.messagesSent);
    }

    private static final class State {
        final List<ChatMessage> messages;
        final Map<String, PendingCall> pending = new LinkedHashMap<>();
        final Map<String, Step> calls = new LinkedHashMap<>();
        final List<JsonNode> thoughts = new ArrayList<>();
        int rounds;
        int userMessages;
        int messagesSent;

        @Nullable
        Step lastResponse;

        @Nullable
        JsonNode finalAnswer;

        @Nullable
        Step finalAnswerResult;

        State(List<ChatMessage> prefix) {
            this.messages = new ArrayList<>(prefix);
        }

        void apply(Step step) {
            switch (step.kind()) {
                case USER_MESSAGE -> {
                    messages.add(UserMessage.from(step.payload().path("text").asText()));
                    userMessages++;
                }
                case MODEL_RESPONSE -> response(step);
                case THOUGHT, TOOL_CALL -> call(step);
                case CONFIRMATION -> confirmation(step);
                case TOOL_RESULT -> result(step);
                default -> {
                    // requests, errors and answers do not change the history
                }
            }
        }

        private void response(Step step) {
            AiMessage ai = Messages.aiFromJson(step.payload());
            rounds = step.round() == null ? rounds + 1 : step.round();
            lastResponse = step;
            messagesSent = messages.size();
            if (!ai.hasToolExecutionRequests()) {
                return;
            }
            messages.add(Messages.sanitize(ai));
            int seq = 1;
            for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
                pending.put(request.id(), new PendingCall(request, rounds, seq++, null, null));
            }
        }

        private void call(Step step) {
            PendingCall call = pending.get(step.toolCallId());
            if (call != null) {
                pending.put(call.request().id(), new PendingCall(call.request(), call.round(), call.seq(), step, null));
                calls.put(call.request().id(), step);
            }
        }

        private void confirmation(Step step) {
            String id = step.toolCallId();
            PendingCall call = id == null ? null : pending.get(id);
            if (call != null && call.callStep() != null) {
                pending.put(
                        id,
                        call.decided(
                                call.callStep(), step.payload().path("decision").asText()));
            }
        }

        private void result(Step step) {
            String id = String.valueOf(step.toolCallId());
            PendingCall call = pending.remove(id);
            String name = String.valueOf(step.name());
            ToolOutcome outcome = outcomeOf(step);
            messages.add(Messages.toolResult(id, name, AgentToolbox.textFor(name, outcome), !outcome.ok()));
            Step callStep = calls.get(id);
            if (SequentialThinking.NAME.equals(name) && outcome.ok() && callStep != null) {
                thoughts.add(callStep.payload().path("arguments"));
            }
            if (AgentToolbox.FINAL_ANSWER.equals(name) && outcome instanceof ToolOutcome.Ok ok && call != null) {
                finalAnswer = ok.result();
                finalAnswerResult = step;
            }
        }
    }

    /** The outcome a tool_result step recorded. */
    static ToolOutcome outcomeOf(Step result) {
        JsonNode payload = result.payload();
        if (payload.has("result")) {
            return ToolOutcome.ok(payload.get("result"));
        }
        JsonNode error = payload.path("error");
        return ToolOutcome.failed(
                error.path("code").asText("tool_failed"), error.path("message").asText("failed"));
    }
}
