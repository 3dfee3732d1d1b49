package dev.mcpver.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.mcpver.auth.Caller;
import dev.mcpver.json.CanonicalJson;
import dev.mcpver.tools.ToolDef;
import dev.mcpver.tools.ToolOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Verify replays (agent.md §3 (b)): a new run ({@code origin=replay}) whose planner is the tape of the original's
 * model outputs; every tool call is re-executed with today's tools and its result compared with the original at the
 * same logical key {@code r<round>.s<seq>}. State-changing tools are never re-run: their recorded results are used.
 * {@code rerun} re-plans an offline run with the offline planner instead of the tape.
 */
final class Verifier {
    private final RunEngine engine;

    Verifier(RunEngine engine) {
        this.engine = engine;
    }

    ReplayResult replay(String runId, String mode, Caller caller) {
        if (!mode.equals("verify") && !mode.equals("rerun")) {
            throw AgentException.invalid("mode must be verify or rerun, not '" + mode + "'");
        }
        Run original = engine.store.run(runId).orElseThrow(() -> AgentException.notFound("run", runId));
        if (original.origin() == RunOrigin.REPLAY) {
            throw AgentException.invalid(
                    "run " + runId + " is a replay; replay its original " + original.parentRunId());
        }
        if (original.status() == RunStatus.RUNNING) {
            throw AgentException.conflict("run " + runId + " is still running");
        }
        if (mode.equals("rerun") && original.plannerKind() != PlannerKind.OFFLINE) {
            throw AgentException.invalid("rerun re-plans offline runs only; use verify");
        }
        List<Step> steps = engine.effectiveSteps(original);
        String userText = singleUserMessage(runId, steps);
        TapeChatModel tape = new TapeChatModel(tapeOf(steps));
        Planner planner = mode.equals("verify")
                ? new Planner(PlannerKind.TAPE, null, TapeChatModel.MODEL_ID, tape)
                : engine.offlinePlanner();
        Run run = engine.newRun(
                original.conversationId(),
                RunOrigin.REPLAY,
                original,
                null,
                original.previousRunId(),
                mode,
                planner,
                caller);
        engine.store.createRun(run);
        Comparison comparison = new Comparison(run.id(), steps);
        RunContext ctx = engine.context(
                run,
                0,
                planner,
                caller,
                engine.prefix(original.previousRunId()),
                maxRounds(original),
                comparison,
                RunObserver.none());
        engine.recordUserMessage(ctx, userText);
        RunEngine.Driven driven = engine.drive(ctx, false);
        List<String> notes = new ArrayList<>(comparison.notes);
        endOfRun(driven, original, steps, mode.equals("verify") ? tape.unused() : 0, comparison, notes);
        RunStatus status = comparison.diffs.isEmpty() ? RunStatus.IDENTICAL : RunStatus.DIVERGED;
        engine.store.saveDiffs(comparison.diffs);
        engine.store.updateRun(driven.run().withStatus(status));
        return new ReplayResult(run.id(), runId, mode, status, engine.store.diffs(run.id()), notes);
    }

    private int maxRounds(Run original) {
        return "max_rounds_exceeded".equals(original.errorCode())
                ? Math.max(1, original.rounds())
                : Math.max(engine.settings.maxRounds(), original.rounds());
    }

    private static String singleUserMessage(String runId, List<Step> steps) {
        List<Step> users =
                steps.stream().filter(s -> s.kind() == StepKind.USER_MESSAGE).toList();
        if (users.size() != 1) {
            throw AgentException.invalid("run " + runId + " has " + users.size()
                    + " user messages; replays support runs with exactly one (replay the run it was forked from)");
        }
        return users.get(0).payload().path("text").asText();
    }

    private static List<AiMessage> tapeOf(List<Step> steps) {
        return steps.stream()
                .filter(step -> step.kind() == StepKind.MODEL_RESPONSE && !step.isError())
                .map(step -> Messages.aiFromJson(step.payload()))
                .toList();
    }

    private static void endOfRun(
            RunEngine.Driven driven,
            Run original,
            List<Step> steps,
            int unused,
            Comparison comparison,
            List<String> notes) {
        boolean originalAnswered = steps.stream().anyMatch(step -> step.kind() == StepKind.FINAL_ANSWER);
        LoopOutcome outcome = driven.outcome();
        if (outcome instanceof LoopOutcome.Failed failed) {
            if (!originalAnswered) {
                notes.add("the original run ended here: " + original.status().wire()
                        + (original.errorCode() == null ? "" : " (" + original.errorCode() + ")"));
            } else {
                comparison.add(
                        failed.code().equals("tape_exhausted") ? "tape_exhausted" : "tape_unused",
                        text(failed.code() + ": " + failed.message()));
            }
        } else if (outcome instanceof LoopOutcome.Paused paused) {
            notes.add("the original run waited for a decision on " + paused.tool() + " here");
        } else if (unused > 0) {
            comparison.add("tape_unused", text(unused + " recorded model responses were not used"));
        }
    }

    private static JsonNode text(String value) {
        return JsonNodeFactory.instance.textNode(value);
    }

    /** Compares each replayed tool result with the original at the same logical key. */
    private static final class Comparison implements ReplayHook {
        private final String replayRunId;
        private final Map<String, Step> results = new HashMap<>();
        private final Map<String, Step> calls = new HashMap<>();
        final List<ReplayDiff> diffs = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        Comparison(String replayRunId, List<Step> original) {
            this.replayRunId = replayRunId;
            for (Step step : original) {
                if (step.kind() == StepKind.TOOL_RESULT) {
                    results.put(key(step.round(), step.seq()), step);
                } else if (step.kind() == StepKind.TOOL_CALL || step.kind() == StepKind.THOUGHT) {
                    calls.put(key(step.round(), step.seq()), step);
                }
            }
        }

        @Override
        public Optional<ToolOutcome> substitute(PendingCall call, ToolDef def) {
            return Optional.ofNullable(results.get(key(call.round(), call.seq())))
                    .map(History::outcomeOf);
        }

        @Override
        public void observe(PendingCall call, Step resultStep, ToolOutcome outcome) {
            String key = key(call.round(), call.seq());
            Step expected = results.get(key);
            if (expected == null) {
                notes.add(key + ": the original run has no result for "
                        + call.request().name());
                return;
            }
            ToolOutcome was = History.outcomeOf(expected);
            String kind = difference(was, outcome);
            if (kind != null) {
                Step originalCall = calls.get(key);
                diffs.add(new ReplayDiff(
                        replayRunId,
                        key,
                        kind,
                        call.request().name(),
                        expected.id(),
                        resultStep.id(),
                        originalCall == null
                                ? null
                                : CanonicalJson.sha256(originalCall.payload().path("arguments")),
                        CanonicalJson.sha256(json(was)),
                        CanonicalJson.sha256(json(outcome)),
                        CanonicalJson.write(json(was)),
                        CanonicalJson.write(json(outcome))));
            }
        }

        /** A difference of the run as a whole (logical key {@code tape}): the tape ran out or was left over. */
        void add(String kind, JsonNode actual) {
            diffs.add(new ReplayDiff(
                    replayRunId,
                    "tape",
                    kind,
                    null,
                    null,
                    null,
                    null,
                    null,
                    CanonicalJson.sha256(actual),
                    null,
                    CanonicalJson.write(actual)));
        }

        private static @Nullable String difference(ToolOutcome was, ToolOutcome now) {
            if (now instanceof ToolOutcome.Failed failed
                    && failed.code().equals("unknown_tool")
                    && !(was instanceof ToolOutcome.Failed old && old.code().equals("unknown_tool"))) {
                return "tool_missing";
            }
            if (was.ok() != now.ok()) {
                return "error_changed";
            }
            if (was instanceof ToolOutcome.Failed old && now instanceof ToolOutcome.Failed fresh) {
                if (!old.code().equals(fresh.code())) {
                    return "error_changed";
                }
                return old.message().equals(fresh.message()) ? null : "result_changed";
            }
            return Objects.equals(CanonicalJson.sha256(json(was)), CanonicalJson.sha256(json(now)))
                    ? null
                    : "result_changed";
        }

        private static JsonNode json(ToolOutcome outcome) {
            if (outcome instanceof ToolOutcome.Ok ok) {
                return ok.result();
            }
            ToolOutcome.Failed failed = (ToolOutcome.Failed) outcome;
            ObjectNode error = JsonNodeFactory.instance.objectNode();
            error.put("code", failed.code());
            error.put("message", failed.message());
            return error;
        }

        private static String key(@Nullable Integer round, @Nullable Integer seq) {
            return "r" + round + ".s" + seq;
        }
    }
}
