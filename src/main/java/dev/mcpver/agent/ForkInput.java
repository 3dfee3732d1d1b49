package dev.mcpver.agent;

import org.jspecify.annotations.Nullable;

/**
 * Resume a run from step {@code fromStep} as a new run; the original is never modified.
 *
 * @param fromStep a {@code user_message} or {@code model_request} step of the run, or its length to continue after
 *     the end (then {@code appendUserMessage} is required)
 * @param replaceUserMessage new text for the user message at {@code fromStep}
 * @param appendUserMessage a further user message, at a {@code model_request} boundary or the end
 * @param mode planner mode for the fork
 * @param model online model id for the fork
 */
public record ForkInput(
        Integer fromStep,
        @Nullable String replaceUserMessage,
        @Nullable String appendUserMessage,
        @Nullable String mode,
        @Nullable String model) {
    public ForkInput {
        if (fromStep == null || fromStep < 0) {
            throw new IllegalArgumentException(
                    "fromStep is required: the index of a user_message or model_request step");
        }
        if (replaceUserMessage != null && appendUserMessage != null) {
            throw new IllegalArgumentException("give replaceUserMessage or appendUserMessage, not both");
        }
        for (String text : new String[] {replaceUserMessage, appendUserMessage}) {
            if (text != null && (text.isBlank() || text.length() > ChatInput.MAX_MESSAGE)) {
                throw new IllegalArgumentException(
                        "a user message must have 1-" + ChatInput.MAX_MESSAGE + " characters");
            }
        }
        new ChatInput(null, "x", mode, model); // same checks for mode and model
    }
}
