package dev.mcpver.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.mcpver.auth.Caller;
import dev.mcpver.tools.ToolContext;
import dev.mcpver.tools.ToolDef;
import dev.mcpver.tools.ToolOutcome;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The agent's loop (agent.md §8.2): ask the planner, record its answer, run each tool call it asked for in order —
 * recording the call before and the result after — and repeat until a final answer, a failure, a pause for
 * confirmation, or the round limit. Every step is committed before the next action. Tool problems (unknown tool,
 * unparsable or invalid arguments, a tool that throws) never end the run: the model reads them as error results,
 * and the history keeps a valid copy of the arguments so later requests stay acceptable to the provider.
 */
final class AgentLoop {
    private final AgentToolbox toolbox;
    private final ModelCaller caller;
    private final Supplier<Planner> offlineFallback;

    AgentLoop(AgentToolbox toolbox, ModelCaller caller, Supplier<Planner> offlineFallback) {
        this.toolbox = toolbox;
        this.caller = caller;
        this.offlineFallback = offlineFallback;
    }

    LoopOutcome drive(RunContext ctx, boolean fallbackOffline) {
        while (true) {
            if (!ctx.pending.isEmpty()) {
                Optional<LoopOutcome> paused = runNextCall(ctx);
                if (paused.isPresent()) {
                    return paused.get();
                }
                continue;
            }
            if (ctx.finalAnswer != null) {
                return finishWithTool(ctx, ctx.finalAnswer);
            }
            if (ctx.round >= ctx.maxRounds) {
                return maxRoundsExceeded(ctx);
            }
            ctx.round++;
            ModelCaller.Outcome outcome = caller.call(ctx);
            if (outcome instanceof ModelCaller.Outcome.GaveUp gaveUp) {
                if (fallbackOffline && ctx.planner.kind() == PlannerKind.LLM) {
                    ctx.planner = offlineFallback.get();
                    ctx.degraded = true;
                    ctx.round--;
                    continue;
                }
                ModelFailure failure = gaveUp.failure();
                return new LoopOutcome.Failed(failure.code(), failure.message(), failure);
            }
            Optional<LoopOutcome> finished = accept(ctx, (ModelCaller.Outcome.Answered) outcome);
            if (finished.isPresent()) {
                return finished.get();
            }
        }
    }

    /** Records the model's answer; a text answer ends the run, tool calls are queued. */
    private Optional<LoopOutcome> accept(RunContext ctx, ModelCaller.Outcome.Answered answered) {
        ChatResponse response = answered.response();
        AiMessage ai = response.aiMessage();
        TokenCounts usage = TokenCounts.of(response.tokenUsage());
        ctx.usage = ctx.usage.plus(usage);
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        Messages.writeAi(payload, ai);
        if (response.id() != null) {
            payload.put("responseId", response.id());
        }
        Step step = ctx.recorder.record(StepDraft.of(StepKind.MODEL_RESPONSE, payload)
                .parent(answered.request())
                .position(ctx.round, null)
                .name(response.modelName() == null ? ctx.planner.modelId() : response.modelName())
                .ok()
                .usage(
                        usage,
                        response.finishReason() == null
                                ? null
                                : wire(response.finishReason().name()))
                .since(answered.start()));
        ctx.lastResponse = step;
        if (!ai.hasToolExecutionRequests()) {
            return Optional.of(finishWithText(ctx, step, String.valueOf(ai.text())));
        }
        ctx.messages.add(Messages.sanitize(ai));
        int seq = 1;
        for (ToolExecutionRequest request : ai.toolExecutionRequests()) {
            ctx.pending.add(new PendingCall(request, ctx.round, seq++, null, null));
        }
        return Optional.empty();
    }

    /** Runs the first pending call; returns a pause when a state-changing call needs a human. */
    private Optional<LoopOutcome> runNextCall(RunContext ctx) {
        PendingCall call = ctx.pending.element();
        ToolExecutionRequest request = call.request();
        JsonNode arguments = Messages.parseArguments(request.arguments());
        Optional<ToolDef> def = toolbox.find(request.name());
        Step callStep = call.callStep() != null ? call.callStep() : recordCall(ctx, call, arguments, def);
        Instant start = ctx.recorder.now();
        ToolOutcome outcome = outcome(ctx, call, callStep, arguments, def);
        if (outcome instanceof ToolOutcome.Failed failed
                && failed.code().equals("confirmation_required")
                && call.decision() == null) {
            ctx.pending.poll();
            ctx.pending.addFirst(new PendingCall(request, call.round(), call.seq(), callStep, null));
            return Optional.of(
                    new LoopOutcome.Paused(callStep, request.name(), arguments == null ? empty() : arguments));
        }
        recordResult(ctx, call, callStep, outcome, start);
        ctx.pending.poll();
        return Optional.empty();
    }

    private ToolOutcome outcome(
            RunContext ctx, PendingCall call, Step callStep, @Nullable JsonNode arguments, Optional<ToolDef> def) {
        if (arguments == null) {
            return ToolOutcome.failed(
                    "invalid_arguments", Messages.argumentProblem(call.request().arguments()));
        }
        if (def.isPresent() && def.get().requiresConfirmation()) {
            Optional<ToolOutcome> recorded = ctx.hook.substitute(call, def.get());
            if (recorded.isPresent()) {
                return recorded.get();
            }
            if ("reject".equals(call.decision())) {
                return ToolOutcome.failed("rejected", "a person rejected this call; do not retry it without asking");
            }
        }
        boolean confirmed = "approve".equals(call.decision());
        Caller actor = confirmed && ctx.approver != null ? ctx.approver : ctx.caller;
        ToolContext context = new ToolContext(actor, callStep.id(), ctx.run.id(), confirmed);
        return toolbox.call(call.request().name(), arguments, context);
    }

    private Step recordCall(RunContext ctx, PendingCall call, @Nullable JsonNode arguments, Optional<ToolDef> def) {
        ToolExecutionRequest request = call.request();
        boolean thought = SequentialThinking.NAME.equals(request.name());
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("toolCallId", request.id());
        payload.put("name", request.name());
        payload.put("rawArguments", request.arguments());
        payload.set("arguments", arguments == null ? JsonNodeFactory.instance.nullNode() : arguments);
        String branch = thought && arguments != null && arguments.hasNonNull("branchId")
                ? arguments.get("branchId").asText()
                : null;
        StepDraft draft = StepDraft.of(thought ? StepKind.THOUGHT : StepKind.TOOL_CALL, payload)
                .parent(ctx.lastResponse)
                .position(call.round(), call.seq())
                .name(request.name())
                .toolCall(request.id(), branch);
        if (arguments == null) {
            draft.error("invalid_arguments", Messages.argumentProblem(request.arguments()), null);
        } else if (def.isEmpty()) {
            draft.error("unknown_tool", "no tool named '" + request.name() + "'", null);
        }
        return ctx.recorder.record(draft);
    }

    private void recordResult(RunContext ctx, PendingCall call, Step callStep, ToolOutcome outcome, Instant start) {
        ToolExecutionRequest request = call.request();
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        StepDraft draft = StepDraft.of(StepKind.TOOL_RESULT, payload)
                .parent(callStep)
                .position(call.round(), call.seq())
                .name(request.name())
                .toolCall(request.id(), callStep.branchId())
                .since(start);
        if (outcome instanceof ToolOutcome.Ok ok) {
            payload.set("result", ok.result());
            draft.ok();
        } else {
            ToolOutcome.Failed failed = (ToolOutcome.Failed) outcome;
            ObjectNode error = payload.putObject("error");
            error.put("code", failed.code());
            error.put("message", failed.message());
            draft.error(failed.code(), failed.message(), null);
            ctx.toolErrors++;
        }
        Step result = ctx.recorder.record(draft);
        ctx.messages.add(Messages.toolResult(
                request.id(), request.name(), AgentToolbox.textFor(request.name(), outcome), !outcome.ok()));
        if (AgentToolbox.FINAL_ANSWER.equals(request.name()) && outcome instanceof ToolOutcome.Ok ok) {
            ctx.finalAnswer = ok.result();
            ctx.finalAnswerResult = result;
        }
        ctx.hook.observe(call, result, outcome);
    }

    private static LoopOutcome finishWithText(RunContext ctx, Step response, String text) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("text", text);
        payload.put("source", "text");
        ctx.recorder.record(
                StepDraft.of(StepKind.FINAL_ANSWER, payload).parent(response).position(ctx.round, null));
        return new LoopOutcome.Finished(text, null);
    }

    private static LoopOutcome finishWithTool(RunContext ctx, JsonNode answer) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        String text = answer.path("answer").asText();
        payload.put("text", text);
        payload.put("source", AgentToolbox.FINAL_ANSWER);
        JsonNode decision = answer.get("decision");
        if (decision != null) {
            payload.set("decision", decision);
        }
        if (answer.hasNonNull("confidence")) {
            payload.set("confidence", answer.get("confidence"));
        }
        ctx.recorder.record(StepDraft.of(StepKind.FINAL_ANSWER, payload)
                .parent(ctx.finalAnswerResult)
                .position(ctx.round, null));
        return new LoopOutcome.Finished(text, decision);
    }

    private static LoopOutcome maxRoundsExceeded(RunContext ctx) {
        String message = "stopped after " + ctx.maxRounds + " model rounds without a final answer";
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("code", "max_rounds_exceeded");
        payload.put("message", message);
        ctx.recorder.record(StepDraft.of(StepKind.ERROR, payload)
                .parent(ctx.lastResponse)
                .position(ctx.round, null)
                .error("max_rounds_exceeded", message, false));
        return new LoopOutcome.Failed("max_rounds_exceeded", message, null);
    }

    private static ObjectNode empty() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static String wire(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
