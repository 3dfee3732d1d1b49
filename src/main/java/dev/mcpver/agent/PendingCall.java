package dev.mcpver.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import org.jspecify.annotations.Nullable;

/**
 * A tool call from a model response that has no result yet.
 *
 * @param callStep its recorded call step, once recorded (a paused call resumes with it)
 * @param decision a human's decision on a state-changing call: {@code approve} or {@code reject}
 */
record PendingCall(
        ToolExecutionRequest request,
        int round,
        int seq,
        @Nullable Step callStep,
        @Nullable String decision) {
    PendingCall decided(Step recordedCall, String humanDecision) {
        return new PendingCall(request, round, seq, recordedCall, humanDecision);
    }
}
