package dev.mcpver.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.mcpver.auth.Caller;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The mutable state of one run while the loop drives it. Confined to the run's thread. */
final class RunContext {
    Run run;
    final StepRecorder recorder;
    Planner planner;
    final Caller caller;
    final List<ChatMessage> messages;
    final List<ToolSpecification> tools;
    final int maxRounds;
    final ReplayHook hook;
    final Deque<PendingCall> pending = new ArrayDeque<>();
    int sentMessages;
    int round;

    @Nullable
    Step lastResponse;

    TokenCounts usage = TokenCounts.ZERO;
    int toolErrors;

    @Nullable
    JsonNode finalAnswer;

    @Nullable
    Step finalAnswerResult;

    boolean degraded;
    /** Who approved the paused call; that one call runs with the approver's rights. */
    @Nullable
    Caller approver;

    RunContext(
            Run run,
            StepRecorder recorder,
            Planner planner,
            Caller caller,
            List<ChatMessage> messages,
            List<ToolSpecification> tools,
            int maxRounds,
            ReplayHook hook) {
        this.run = run;
        this.recorder = recorder;
        this.planner = planner;
        this.caller = caller;
        this.messages = new ArrayList<>(messages);
        this.tools = List.copyOf(tools);
        this.maxRounds = maxRounds;
        this.hook = hook;
    }
}
