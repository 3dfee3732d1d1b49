package dev.mcpver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.agent.Step;
import dev.mcpver.json.Json;

/** One readable line per trace step, for terminals: {@code [index] kind name: summary}. */
final class StepLines {
    private static final int WIDTH = 160;

    private StepLines() {}

    static String of(Step step) {
        String name = step.name() == null ? "" : " " + step.name();
        return "[" + step.index() + "] " + step.kind().wire() + name + ": " + shorten(summary(step));
    }

    private static String summary(Step step) {
        JsonNode payload = step.payload();
        return switch (step.kind()) {
            case USER_MESSAGE, FINAL_ANSWER -> payload.path("text").asText();
            case MODEL_REQUEST -> "round " + step.round() + ", attempt " + step.attempt();
            case MODEL_RESPONSE ->
                payload.path("toolCalls").isEmpty()
                        ? "text answer"
                        : payload.path("toolCalls").size() + " tool call(s)";
            case THOUGHT ->
                payload.path("arguments")
                        .path("thought")
                        .asText(payload.path("rawArguments").asText());
            case TOOL_CALL -> payload.path("rawArguments").asText();
            case CONFIRMATION ->
                payload.path("decision").asText() + " by " + payload.path("by").asText();
            default ->
                step.isError()
                        ? step.errorType() + ": " + step.errorMessage()
                        : Json.write(payload.has("result") ? payload.get("result") : payload);
        };
    }

    private static String shorten(String text) {
        String line = text.replace('\n', ' ');
        return line.length() <= WIDTH ? line : line.substring(0, WIDTH - 1) + "…";
    }
}
