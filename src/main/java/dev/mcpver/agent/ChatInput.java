package dev.mcpver.agent;

import org.jspecify.annotations.Nullable;

/**
 * A chat request.
 *
 * @param conversationId continue this conversation; a new one is created when null
 * @param message the user's message (1–32,000 characters)
 * @param mode {@code auto} (default), {@code online} or {@code offline}
 * @param model online model id overriding {@code MCPVER_LLM_MODEL}
 */
public record ChatInput(
        @Nullable String conversationId,
        String message,
        @Nullable String mode,
        @Nullable String model) {
    public static final int MAX_MESSAGE = 32_000;

    public ChatInput {
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("message must not be empty");
        }
        if (message.length() > MAX_MESSAGE) {
            throw new IllegalArgumentException("message is longer than " + MAX_MESSAGE + " characters");
        }
        if (mode != null && AgentMode.fromWire(mode).isEmpty()) {
            throw new IllegalArgumentException("mode must be auto, online or offline, not '" + mode + "'");
        }
        if (model != null && !model.matches("[\\w./:@-]{1,200}")) {
            throw new IllegalArgumentException("model must be a model id such as openai/gpt-4o-mini");
        }
    }

    public static ChatInput of(String message) {
        return new ChatInput(null, message, null, null);
    }
}
