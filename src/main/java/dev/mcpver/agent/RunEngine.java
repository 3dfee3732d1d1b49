package dev.mcpver.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.mcpver.auth.Caller;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared machinery behind chats, confirmations, forks and replays: creating runs, choosing planners, rebuilding
 * histories, driving the loop and closing runs. Every run ends with its row updated — terminal, or paused — even when
 * the loop fails unexpectedly. Thread-safe; each run is driven on its caller's thread.
 */
final class RunEngine {
    private static final Logger LOG = LoggerFactory.getLogger(RunEngine.class);
    private static final int PRIOR_TURNS = 10;

    final AgentSettings settings;
    final AgentToolbox toolbox;
    final TraceStore store;
    final SequentialThinking thinking;
    final OfflinePlanner offline;
    final Clock clock;
    final Supplier<String> ids;
    final Prompt prompt;
    final JsonNode engineVersions;
    private final AgentLoop loop;
    private final @Nullable ChatModel onlineOverride;
    private final Map<String, ChatModel> onlineModels = new ConcurrentHashMap<>();

    RunEngine(Agent.Builder state, AgentLoop loop) {
        this.settings = state.settings;
        this.toolbox = state.toolbox;
        this.store = state.store;
        this.thinking = state.thinking;
        this.offline = state.offline;
        this.clock = state.clock;
        this.ids = state.ids;
        this.prompt = state.prompt;
        this.engineVersions = state.engineVersions;
        this.onlineOverride = state.onlineOverride;
        this.loop = loop;
    }

    /** The planner for a requested mode and model; online without a configured model is a client error. */
    Planner planner(@Nullable String mode, @Nullable String model) {
        AgentMode requested =
                mode == null ? AgentMode.AUTO : AgentMode.fromWire(mode).orElse(AgentMode.AUTO);
        AgentMode effective = requested == AgentMode.AUTO ? settings.effectiveMode() : requested;
        if (effective == AgentMode.OFFLINE) {
            if (model != null) {
                throw AgentException.invalid("model applies to online mode only; this run is offline");
            }
            return offlinePlanner();
        }
        if (!settings.modelConfigured() && onlineOverride == null) {
            throw AgentException.invalid("mode 'online' is unavailable: " + settings.offlineReason());
        }
        return online(model == null ? settings.model() : model);
    }

    /** Whether an online model can be called now. */
    boolean onlineAvailable() {
        return settings.modelConfigured() || onlineOverride != null;
    }

    Planner online(String modelId) {
        ChatModel model = onlineOverride != null
                ? onlineOverride
                : onlineModels.computeIfAbsent(modelId, id -> OnlineModel.build(settings, id));
        return new Planner(PlannerKind.LLM, settings.provider(), modelId, model);
    }

    Planner offlinePlanner() {
        return new Planner(PlannerKind.OFFLINE, null, OfflinePlanner.MODEL_ID, offline);
    }

    Run newRun(
            String conversationId,
            RunOrigin origin,
            @Nullable Run parent,
            @Nullable Integer forkStep,
            @Nullable String previousRunId,
            Planner planner,
            Caller caller) {
        return newRun(conversationId, origin, parent, forkStep, previousRunId, null, planner, caller);
    }

    Run newRun(
            String conversationId,
            RunOrigin origin,
            @Nullable Run parent,
            @Nullable Integer forkStep,
            @Nullable String previousRunId,
            @Nullable String replayMode,
            Planner planner,
            Caller caller) {
        return new Run(
                ids.get(),
                conversationId,
                origin,
                parent == null ? null : parent.id(),
                forkStep,
                previousRunId,
                replayMode,
                planner.kind(),
                planner.provider(),
                planner.modelId(),
                RunStatus.RUNNING,
                null,
                null,
                clock.instant(),
                null,
                null,
                TokenCounts.ZERO,
                0,
                0,
                prompt.sha256(),
                toolbox.catalog().sha256(),
                engineVersions,
                null,
                caller.subject(),
                caller.role());
    }

    /** The system prompt and up to ten earlier turns of the conversation (user message, final answer). */
    List<ChatMessage> prefix(@Nullable String previousRunId) {
        List<ChatMessage> turns = new ArrayList<>();
        String next = previousRunId;
        for (int depth = 0; next != null && depth < PRIOR_TURNS; depth++) {
            Run turn = store.run(next).orElse(null);
            if (turn == null) {
                break;
            }
            firstUserText(turn).filter(text -> turn.finalAnswer() != null).ifPresent(text -> {
                turns.add(0, AiMessage.from(String.valueOf(turn.finalAnswer())));
                turns.add(0, UserMessage.from(text));
            });
            next = turn.previousRunId();
        }
        List<ChatMessage> prefix = new ArrayList<>();
        prefix.add(SystemMessage.from(prompt.text()));
        prefix.addAll(turns);
        return prefix;
    }

    /** A run's whole trace: a fork's inherited prefix followed by its own steps. */
    List<Step> effectiveSteps(Run run) {
        return TraceService.effectiveSteps(store, run);
    }

    java.util.Optional<String> firstUserText(Run run) {
        return effectiveSteps(run).stream()
                .filter(step -> step.kind() == StepKind.USER_MESSAGE)
                .map(step -> step.payload().path("text").asText())
                .findFirst();
    }

    RunContext context(
            Run run,
            int firstIndex,
            Planner planner,
            Caller caller,
            List<ChatMessage> messages,
            int maxRounds,
            ReplayHook hook,
            RunObserver observer) {
        StepRecorder recorder = new StepRecorder(run.id(), firstIndex, store.writer(), clock, observer);
        return new RunContext(run, recorder, planner, caller, messages, toolbox.specsFor(caller), maxRounds, hook);
    }

    Step recordUserMessage(RunContext ctx, String text) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("text", text);
        ctx.messages.add(UserMessage.from(text));
        return ctx.recorder.record(StepDraft.of(StepKind.USER_MESSAGE, payload));
    }

    /** Drives the loop and closes the run; returns the loop's outcome and the run as stored. */
    Driven drive(RunContext ctx, boolean fallbackOffline) {
        LoopOutcome outcome;
        try {
            outcome = loop.drive(ctx, fallbackOffline);
        } catch (RuntimeException e) {
            abort(ctx, e);
            throw e;
        }
        Run stored = close(ctx, outcome);
        return new Driven(stored, outcome, ctx.degraded);
    }

    /** A driven run: where it ended and how. */
    record Driven(Run run, LoopOutcome outcome, boolean degraded) {}

    private Run close(RunContext ctx, LoopOutcome outcome) {
        Run.RunTotals totals;
        RunStatus status;
        if (outcome instanceof LoopOutcome.Finished finished) {
            status = ctx.degraded ? RunStatus.DEGRADED : RunStatus.SUCCEEDED;
            totals = totals(ctx, finished.answer(), null, null);
        } else if (outcome instanceof LoopOutcome.Failed failed) {
            status = RunStatus.FAILED;
            totals = totals(ctx, null, failed.code(), failed.message());
        } else {
            status = RunStatus.AWAITING_CONFIRMATION;
            totals = totals(ctx, null, null, null);
        }
        Run done = status == RunStatus.AWAITING_CONFIRMATION
                ? ctx.run.finish(status, totals, clock.instant()).withOpenEnd()
                : ctx.run.finish(status, totals, clock.instant());
        store.updateRun(done);
        store.touchConversation(done.conversationId(), clock.instant());
        ctx.recorder.close();
        if (status.terminal()) {
            thinking.release(done.id());
        }
        log(done);
        return done;
    }

    private void abort(RunContext ctx, RuntimeException e) {
        LOG.atError()
                .addKeyValue("operation", "AGENT_RUN_ABORTED")
                .addKeyValue("runId", ctx.run.id())
                .setCause(e)
                .log("agent run {} aborted", ctx.run.id());
        try {
            store.updateRun(ctx.run.finish(
                    RunStatus.FAILED,
                    totals(ctx, null, "internal_error", e.getClass().getSimpleName()),
                    clock.instant()));
        } catch (RuntimeException second) {
            e.addSuppressed(second); // the store itself is failing; a restart marks the run interrupted
        } finally {
            ctx.recorder.close();
            thinking.release(ctx.run.id());
        }
    }

    private static Run.RunTotals totals(
            RunContext ctx, @Nullable String answer, @Nullable String code, @Nullable String message) {
        return new Run.RunTotals(ctx.usage, ctx.round, ctx.toolErrors, answer, code, message);
    }

    private static void log(Run run) {
        LOG.atInfo()
                .addKeyValue("operation", "AGENT_RUN")
                .addKeyValue("runId", run.id())
                .addKeyValue("origin", run.origin().wire())
                .addKeyValue("planner", run.plannerKind().wire())
                .addKeyValue("status", run.status().wire())
                .addKeyValue("rounds", run.rounds())
                .addKeyValue("durationMs", run.durationMs())
                .log("agent run {} {}", run.id(), run.status().wire());
    }
}
