package dev.mcpver.agent;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a chat, fork or confirmation: the run's status, the answer (when it succeeded), every step the run
 * recorded, and what it waits for (when paused).
 *
 * @param mode {@code online} or {@code offline}: what actually planned the run
 * @param steps the run's own steps, in order
 * @param pending the state-changing call awaiting a person's decision
 * @param failure the model failure that ended the run, when that was the cause
 */
public record ChatResult(
        String conversationId,
        String runId,
        String mode,
        RunStatus status,
        @Nullable String answer,
        @Nullable JsonNode decision,
        List<Step> steps,
        TokenCounts usage,
        List<String> warnings,
        @Nullable PendingAction pending,
        @Nullable String errorCode,
        @Nullable String errorMessage,
        @Nullable ModelFailure failure) {

    public ChatResult {
        steps = List.copyOf(steps);
        warnings = List.copyOf(warnings);
    }

    /** The call a paused run proposes, for a person to approve or reject. */
    public record PendingAction(int stepIndex, String toolCallId, String tool, JsonNode arguments) {}
}
