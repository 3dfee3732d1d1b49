package dev.mcpver.agent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Calls the planner with visible retries: every attempt is a {@code model_request} step, every failure an
 * {@code error} step (code, retryable, provider status, the wait chosen) before the next attempt. Waits
 * {@code max(Retry-After, backoff)}; backoff doubles from 500 ms with up to 20 % jitter, capped at the configured
 * maximum wait, and a {@code Retry-After} beyond that cap ends the call at once. Non-retryable failures
 * (401/402/403/404/400) end it at the first attempt.
 */
final class ModelCaller {
    private static final Duration BASE_BACKOFF = Duration.ofMillis(500);

    private final FailureClassifier classifier;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final int maxAttempts;
    private final Duration maxWait;

    ModelCaller(
            FailureClassifier classifier, Sleeper sleeper, RandomGenerator random, int maxRetries, Duration maxWait) {
        this.classifier = classifier;
        this.sleeper = sleeper;
        this.random = random;
        this.maxAttempts = 1 + maxRetries;
        this.maxWait = maxWait;
    }

    /** The model's answer, or the failure it gave up on. */
    sealed interface Outcome {
        record Answered(ChatResponse response, Step request, Instant start) implements Outcome {}

        record GaveUp(ModelFailure failure) implements Outcome {}
    }

    Outcome call(RunContext ctx) {
        ChatRequest request = request(ctx);
        for (int attempt = 1; ; attempt++) {
            Step requestStep = ctx.recorder.record(requestDraft(ctx, attempt));
            Instant start = ctx.recorder.now();
            ModelFailure failure;
            try {
                ChatResponse response = ctx.planner.model().chat(request, options(ctx, requestStep));
                if (usable(response)) {
                    ctx.sentMessages = ctx.messages.size();
                    return new Outcome.Answered(response, requestStep, start);
                }
                failure = new ModelFailure(
                        "provider_error", true, null, null, "the model returned an empty message", null);
            } catch (TapeChatModel.TapeExhaustedException e) {
                failure = new ModelFailure("tape_exhausted", false, null, null, String.valueOf(e.getMessage()), null);
            } catch (RuntimeException e) {
                failure = classifier.classify(e);
            }
            Duration wait = waitBefore(attempt + 1, failure);
            ctx.recorder.record(StepDraft.of(StepKind.ERROR, failure.payload(attempt, wait))
                    .parent(requestStep)
                    .position(ctx.round, null)
                    .attempt(attempt)
                    .name(ctx.planner.modelId())
                    .error(failure.code(), failure.message(), failure.retryable())
                    .since(start));
            if (wait == null) {
                return new Outcome.GaveUp(failure);
            }
            sleeper.sleep(wait);
        }
    }

    /** The wait before attempt {@code next}, or null when there is none (not retryable, exhausted, or too long). */
    @Nullable
    Duration waitBefore(int next, ModelFailure failure) {
        if (!failure.retryable() || next > maxAttempts) {
            return null;
        }
        Duration retryAfter = failure.retryAfter();
        if (retryAfter != null && retryAfter.compareTo(maxWait) > 0) {
            return null;
        }
        long backoff = Math.min(maxWait.toMillis(), BASE_BACKOFF.toMillis() << Math.min(20, next - 2));
        long jittered = backoff + (long) (backoff * 0.2 * random.nextDouble());
        long wait = Math.min(maxWait.toMillis(), jittered);
        return Duration.ofMillis(retryAfter == null ? wait : Math.max(wait, retryAfter.toMillis()));
    }

    private static boolean usable(ChatResponse response) {
        AiMessage ai = response.aiMessage();
        return ai != null
                && (ai.hasToolExecutionRequests()
                        || (ai.text() != null && !ai.text().isBlank()));
    }

    private static ChatRequest request(RunContext ctx) {
        ChatRequest.Builder builder = ChatRequest.builder().messages(ctx.messages);
        if (!ctx.tools.isEmpty()) {
            builder.toolSpecifications(ctx.tools).toolChoice(ToolChoice.AUTO);
        }
        return builder.build();
    }

    private static ChatRequestOptions options(RunContext ctx, Step requestStep) {
        return ChatRequestOptions.builder()
                .addListenerAttribute("runId", ctx.run.id())
                .addListenerAttribute("stepIndex", requestStep.index())
                .build();
    }

    /** The request step: round, attempt, the messages new since the last answered request, and the tool names. */
    private static StepDraft requestDraft(RunContext ctx, int attempt) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("round", ctx.round);
        payload.put("attempt", attempt);
        payload.put("messageCount", ctx.messages.size());
        if (attempt == 1) { // a retry sends the same request again: the first attempt's step has the messages
            payload.set("newMessages", Messages.toJson(ctx.messages.subList(ctx.sentMessages, ctx.messages.size())));
        }
        ArrayNode tools = payload.putArray("tools");
        for (ToolSpecification spec : ctx.tools) {
            tools.add(spec.name());
        }
        return StepDraft.of(StepKind.MODEL_REQUEST, payload)
                .position(ctx.round, null)
                .attempt(attempt)
                .name(ctx.planner.modelId());
    }
}
