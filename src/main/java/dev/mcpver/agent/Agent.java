package dev.mcpver.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.f4b6a3.ulid.UlidCreator;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.mcpver.BuildInfo;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.tools.ToolCatalog;
import dev.mcpver.tools.ToolDef;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The agent's entry point: chat, resume a paused run after a person's decision, fork a run from a step, verify a run
 * by replay, and report status. Acts with the caller's permissions; state-changing tools pause the run
 * ({@code awaiting_confirmation}) until {@link #confirm}. Thread-safe; each run executes on the calling thread.
 *
 * <pre>{@code
 * Agent agent = Agent.builder(settings, catalog, traceStore, thinking).intents(SemverIntents.all()).build();
 * ChatResult result = agent.chat(ChatInput.of("Is 1.10.0 newer than 1.9.3?"), caller, RunObserver.none());
 * }</pre>
 */
public final class Agent {
    private final RunEngine engine;
    private final Verifier verifier;
    private final TraceService traces;

    private Agent(Builder builder) {
        FailureClassifier classifier = new FailureClassifier(builder.clock);
        ModelCaller caller = new ModelCaller(
                classifier,
                builder.sleeper,
                builder.random,
                builder.settings.maxRetries(),
                builder.settings.maxRetryWait());
        RunEngine[] self = new RunEngine[1];
        AgentLoop loop = new AgentLoop(builder.toolbox, caller, () -> self[0].offlinePlanner());
        this.engine = new RunEngine(builder, loop);
        self[0] = engine;
        this.verifier = new Verifier(engine);
        this.traces = new TraceService(builder.store, engine::effectiveSteps);
        builder.store.putBlob(Blob.of("text/plain", builder.prompt.text()));
        builder.store.putBlob(Blob.of(
                "application/json",
                dev.mcpver.json.CanonicalJson.write(builder.toolbox.catalog().manifest())));
    }

    public static Builder builder(
            AgentSettings settings, ToolCatalog catalog, TraceStore store, SequentialThinking thinking) {
        return new Builder(settings, catalog, store, thinking);
    }

    /** Runs one chat turn: a new conversation, or the next turn of {@code input.conversationId()}. */
    public ChatResult chat(ChatInput input, Caller caller, RunObserver observer) {
        return turn(input, RunOrigin.CHAT, caller, observer);
    }

    /**
     * A run on behalf of another feature, e.g. an A/B recommendation ({@link RunOrigin#AB_RECOMMENDATION}): the same
     * loop, tools and trace as a chat, recorded under its own origin so the trace says why it exists.
     */
    public ChatResult runFor(RunOrigin origin, ChatInput input, Caller caller) {
        return turn(input, origin, caller, RunObserver.none());
    }

    private ChatResult turn(ChatInput input, RunOrigin origin, Caller caller, RunObserver observer) {
        Planner planner = engine.planner(input.mode(), input.model());
        Conversation conversation = conversationFor(input);
        String previous = latestTurn(conversation.id()).map(Run::id).orElse(null);
        Run run = engine.newRun(conversation.id(), origin, null, null, previous, planner, caller);
        engine.store.createRun(run);
        RunContext ctx = engine.context(
                run,
                0,
                planner,
                caller,
                engine.prefix(previous),
                engine.settings.maxRounds(),
                ReplayHook.NONE,
                observer);
        engine.recordUserMessage(ctx, input.message());
        return result(engine.drive(ctx, engine.settings.fallbackOffline()), planner);
    }

    /** Applies a person's decision to the call a paused run waits on, and continues the run. */
    public ChatResult confirm(String runId, ConfirmInput input, Caller approver, RunObserver observer) {
        Run run = engine.store.run(runId).orElseThrow(() -> AgentException.notFound("run", runId));
        if (run.status() != RunStatus.AWAITING_CONFIRMATION) {
            throw AgentException.conflict(
                    "run " + runId + " is " + run.status().wire() + ", not awaiting_confirmation");
        }
        List<Step> steps = engine.effectiveSteps(run);
        History.Rebuilt rebuilt = History.rebuild(engine.prefix(run.previousRunId()), steps);
        PendingCall head =
                rebuilt.pending().isEmpty() ? null : rebuilt.pending().get(0);
        Step callStep = head == null ? null : head.callStep();
        if (head == null || callStep == null) {
            throw AgentException.conflict("run " + runId + " has no call awaiting a decision");
        }
        requireApprover(approver, head);
        Planner planner = plannerOf(run);
        if (!engine.store.transition(runId, RunStatus.AWAITING_CONFIRMATION, RunStatus.RUNNING)) {
            throw AgentException.conflict("run " + runId + " was decided by someone else first");
        }
        RunContext ctx = resumed(run, steps.size(), planner, rebuilt, observer);
        ctx.approver = approver;
        recordDecision(ctx, callStep, input, approver);
        ctx.pending.poll();
        ctx.pending.addFirst(head.decided(callStep, input.decision()));
        return result(engine.drive(ctx, false), planner);
    }

    /** A new run that inherits {@code runId}'s steps below {@code fromStep} and continues live from there. */
    public ChatResult fork(String runId, ForkInput input, Caller caller, RunObserver observer) {
        Run parent = engine.store.run(runId).orElseThrow(() -> AgentException.notFound("run", runId));
        if (!parent.status().terminal() && parent.status() != RunStatus.AWAITING_CONFIRMATION) {
            throw AgentException.conflict("run " + runId + " is still running");
        }
        List<Step> steps = engine.effectiveSteps(parent);
        String userText = ForkPoint.check(steps, input);
        Planner planner = engine.planner(input.mode(), input.model());
        Run run = engine.newRun(
                parent.conversationId(),
                RunOrigin.FORK,
                parent,
                input.fromStep(),
                parent.previousRunId(),
                planner,
                caller);
        History.Rebuilt rebuilt =
                History.rebuild(engine.prefix(parent.previousRunId()), steps.subList(0, input.fromStep()));
        if (!rebuilt.pending().isEmpty()) {
            throw AgentException.invalid(
                    "step " + input.fromStep() + " is not a resumable boundary: tool calls before it are unanswered");
        }
        engine.store.createRun(run);
        RunContext ctx = resumed(run, input.fromStep(), planner, rebuilt, observer);
        ctx.usage = TokenCounts.ZERO;
        ctx.toolErrors = 0;
        if (userText != null) {
            engine.recordUserMessage(ctx, userText);
        }
        return result(engine.drive(ctx, engine.settings.fallbackOffline()), planner);
    }

    /** Replays a run: {@code verify} feeds its recorded model outputs back and re-runs the tools; {@code rerun} re-plans an offline run. */
    public ReplayResult replay(String runId, String mode, Caller caller) {
        return verifier.replay(runId, mode, caller);
    }

    /** Marks runs a crashed process left {@code running} as {@code interrupted}; call once at server start. */
    public int recoverInterruptedRuns() {
        return engine.store.interruptRunning(engine.clock.instant());
    }

    public TraceService traces() {
        return traces;
    }

    /** Mode, model and why offline, for {@code GET /api/v1/agent/status}. */
    public JsonNode status() {
        AgentSettings settings = engine.settings;
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("mode", settings.effectiveMode().wire());
        status.put("configuredMode", settings.mode().wire());
        status.put("modelConfigured", settings.modelConfigured());
        status.put("offlineReason", settings.offlineReason());
        ObjectNode online = status.putObject("online");
        online.put("provider", settings.provider());
        online.put("baseUrlHost", String.valueOf(settings.baseUrl().getHost()));
        online.put("model", settings.model());
        online.put("apiKeySet", settings.apiKey() != null);
        ObjectNode offline = status.putObject("offline");
        offline.put("planner", OfflinePlanner.MODEL_ID);
        engine.offline
                .available(java.util.Set.copyOf(engine.toolbox.names()))
                .forEach(intent -> offline.withArray("intents").add(intent.name()));
        status.put("maxRounds", settings.maxRounds());
        status.put("maxRetries", settings.maxRetries());
        status.put("fallbackOffline", settings.fallbackOffline());
        status.put("systemPrompt", engine.prompt.name());
        status.put("systemPromptSha256", engine.prompt.sha256());
        status.put("toolCatalogSha256", engine.toolbox.catalog().sha256());
        return status;
    }

    /** The tools as the model sees them: name, description, parameters, and the catalog's role and hints. */
    public JsonNode tools() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("toolCatalogSha256", engine.toolbox.catalog().sha256());
        for (String name : engine.toolbox.names()) {
            ToolDef def = engine.toolbox.find(name).orElseThrow();
            ObjectNode tool = body.withArray("tools").addObject();
            tool.put("name", def.name());
            tool.put("title", def.title());
            tool.put("description", def.description());
            tool.set("inputSchema", def.inputSchema());
            tool.put("requiredRole", def.requiredRole().wireName());
            tool.put("requiresConfirmation", def.requiresConfirmation());
            tool.put("readOnly", def.hints().readOnly());
            tool.put("agentOnly", engine.toolbox.catalog().find(name).isEmpty());
        }
        return body;
    }

    private Conversation conversationFor(ChatInput input) {
        if (input.conversationId() != null) {
            return engine.store
                    .conversation(input.conversationId())
                    .orElseThrow(() -> AgentException.notFound("conversation", String.valueOf(input.conversationId())));
        }
        Conversation created = new Conversation(
                engine.ids.get(),
                Conversation.titleFrom(input.message()),
                engine.clock.instant(),
                engine.clock.instant());
        engine.store.createConversation(created);
        return created;
    }

    private Optional<Run> latestTurn(String conversationId) {
        List<Run> runs = engine.store.runs(conversationId);
        for (int i = runs.size() - 1; i >= 0; i--) {
            RunOrigin origin = runs.get(i).origin();
            if (origin == RunOrigin.CHAT || origin == RunOrigin.FORK) {
                return Optional.of(runs.get(i));
            }
        }
        return Optional.empty();
    }

    private RunContext resumed(Run run, int nextIndex, Planner planner, History.Rebuilt rebuilt, RunObserver observer) {
        List<ChatMessage> messages = rebuilt.messages();
        RunContext ctx = engine.context(
                run,
                nextIndex,
                planner,
                run.caller(),
                messages,
                engine.settings.maxRounds(),
                ReplayHook.NONE,
                observer);
        ctx.round = rebuilt.rounds();
        ctx.sentMessages = Math.min(rebuilt.messagesSent(), messages.size());
        ctx.lastResponse = rebuilt.lastResponse();
        ctx.pending.addAll(rebuilt.pending());
        ctx.usage = run.usage();
        ctx.toolErrors = run.toolErrors();
        ctx.finalAnswer = rebuilt.finalAnswer();
        ctx.finalAnswerResult = rebuilt.finalAnswerResult();
        engine.thinking.restore(run.id(), rebuilt.thoughtArguments());
        return ctx;
    }

    private Planner plannerOf(Run run) {
        if (run.plannerKind() == PlannerKind.OFFLINE) {
            return engine.offlinePlanner();
        }
        if (!engine.onlineAvailable()) {
            throw AgentException.conflict("run " + run.id() + " was planned by " + run.modelId()
                    + ", and no model is configured now; fork it with mode offline instead");
        }
        return engine.online(String.valueOf(run.modelId()));
    }

    private void requireApprover(Caller approver, PendingCall head) {
        Role needed = engine.toolbox
                .find(head.request().name())
                .map(ToolDef::requiredRole)
                .orElse(Role.OPERATOR);
        Role required = needed.includes(Role.OPERATOR) ? needed : Role.OPERATOR;
        if (!approver.may(required)) {
            throw new AgentException(
                    AgentException.Kind.FORBIDDEN,
                    "deciding on " + head.request().name() + " needs the " + required.wireName() + " role; "
                            + approver.subject() + " has " + approver.role().wireName());
        }
    }

    private static void recordDecision(RunContext ctx, Step callStep, ConfirmInput input, Caller approver) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("decision", input.decision());
        payload.put("by", approver.subject());
        payload.put("role", approver.role().wireName());
        if (input.comment() != null) {
            payload.put("comment", input.comment());
        }
        payload.put("tool", String.valueOf(callStep.name()));
        ctx.recorder.record(StepDraft.of(StepKind.CONFIRMATION, payload)
                .parent(callStep)
                .position(callStep.round(), callStep.seq())
                .name(callStep.name())
                .toolCall(String.valueOf(callStep.toolCallId()), null));
    }

    private ChatResult result(RunEngine.Driven driven, Planner planner) {
        Run run = driven.run();
        List<String> warnings = new ArrayList<>();
        if (planner.kind() == PlannerKind.OFFLINE) {
            warnings.add("offline planner: the answer comes from deterministic rules, not a language model ("
                    + (engine.settings.effectiveMode() == AgentMode.OFFLINE
                            ? engine.settings.offlineReason()
                            : "mode offline requested")
                    + ")");
        }
        if (driven.degraded()) {
            warnings.add(
                    "the model failed; the offline planner finished this run (MCPVER_AGENT_ON_MODEL_FAILURE=offline)");
        }
        ChatResult.PendingAction pending = null;
        ModelFailure failure = null;
        JsonNode decision = null;
        if (driven.outcome() instanceof LoopOutcome.Paused paused) {
            pending = new ChatResult.PendingAction(
                    paused.callStep().index(),
                    String.valueOf(paused.callStep().toolCallId()),
                    paused.tool(),
                    paused.arguments());
            warnings.add(paused.tool() + " changes state: the run waits for a person to approve or reject it");
        } else if (driven.outcome() instanceof LoopOutcome.Failed failed) {
            failure = failed.model();
        } else if (driven.outcome() instanceof LoopOutcome.Finished finished) {
            decision = finished.decision();
        }
        return new ChatResult(
                run.conversationId(),
                run.id(),
                planner.mode().wire(),
                run.status(),
                run.finalAnswer(),
                decision,
                engine.store.steps(run.id()),
                run.usage(),
                warnings,
                pending,
                run.errorCode(),
                run.errorMessage(),
                failure);
    }

    /** Collaborators and options; everything but the four constructor arguments has a production default. */
    public static final class Builder {
        final AgentSettings settings;
        final AgentToolbox toolbox;
        final TraceStore store;
        final SequentialThinking thinking;
        Clock clock = Clock.systemUTC();
        Supplier<String> ids = () -> UlidCreator.getMonotonicUlid().toString();
        Sleeper sleeper = Sleeper.system();
        RandomGenerator random = new Random();
        Prompt prompt = Prompt.load(Prompt.SYSTEM);
        OfflinePlanner offline = new OfflinePlanner(SemverIntents.all());
        JsonNode engineVersions = JsonNodeFactory.instance.objectNode().put("mcpver", BuildInfo.version());

        @Nullable
        ChatModel onlineOverride;

        private Builder(AgentSettings settings, ToolCatalog catalog, TraceStore store, SequentialThinking thinking) {
            this.settings = settings;
            this.toolbox = new AgentToolbox(catalog);
            this.store = store;
            this.thinking = thinking;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** Ids for conversations and runs (ULIDs by default; tests use counters for byte-identical exports). */
        public Builder ids(Supplier<String> value) {
            this.ids = value;
            return this;
        }

        public Builder sleeper(Sleeper value) {
            this.sleeper = value;
            return this;
        }

        public Builder random(RandomGenerator value) {
            this.random = value;
            return this;
        }

        public Builder prompt(Prompt value) {
            this.prompt = value;
            return this;
        }

        /** The offline planner's intent table, in order (the SemVer intents by default). */
        public Builder intents(List<Intent> table) {
            this.offline = new OfflinePlanner(table);
            return this;
        }

        /** Versions recorded with each run (the build version by default). */
        public Builder engineVersions(JsonNode value) {
            this.engineVersions = value;
            return this;
        }

        /** A chat model used for online mode instead of the configured endpoint (scripted-model tests). */
        public Builder onlineModel(ChatModel model) {
            this.onlineOverride = model;
            return this;
        }

        public Agent build() {
            return new Agent(this);
        }
    }
}
