package dev.mcpver.agent;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/** How a stretch of the loop ended: an answer, a failure, or a pause for a human's confirmation. */
sealed interface LoopOutcome {
    record Finished(String answer, @Nullable JsonNode decision) implements LoopOutcome {}

    /**
     * The run failed.
     *
     * @param model the model failure behind it, when the model was the cause
     */
    record Failed(String code, String message, @Nullable ModelFailure model) implements LoopOutcome {}

    record Paused(Step callStep, String tool, JsonNode arguments) implements LoopOutcome {}
}
