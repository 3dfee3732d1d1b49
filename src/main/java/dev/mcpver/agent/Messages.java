package dev.mcpver.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.mcpver.json.Json;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Chat messages in the trace's own JSON form (stable across LangChain4j versions): {@code role} plus text, tool calls
 * or a tool result. A system message is stored by the SHA-256 of its text (the text is a blob).
 */
final class Messages {
    private Messages() {}

    static ObjectNode toJson(ChatMessage message) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        if (message instanceof SystemMessage system) {
            json.put("role", "system");
            json.put("sha256", Blob.sha256Of(system.text()));
        } else if (message instanceof UserMessage user) {
            json.put("role", "user");
            json.put("text", user.hasSingleText() ? user.singleText() : user.toString());
        } else if (message instanceof AiMessage ai) {
            json.put("role", "assistant");
            writeAi(json, ai);
        } else if (message instanceof ToolExecutionResultMessage tool) {
            json.put("role", "tool");
            json.put("toolCallId", tool.id());
            json.put("toolName", tool.toolName());
            json.put("text", tool.text());
            json.put("isError", Boolean.TRUE.equals(tool.isError()));
        } else {
            json.put("role", message.type().name().toLowerCase(java.util.Locale.ROOT));
        }
        return json;
    }

    static ArrayNode toJson(List<ChatMessage> messages) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        messages.forEach(message -> array.add(toJson(message)));
        return array;
    }

    /** An assistant message's payload: text, optional thinking, tool calls with raw argument strings. */
    static void writeAi(ObjectNode json, AiMessage ai) {
        if (ai.text() != null) {
            json.put("text", ai.text());
        }
        if (ai.thinking() != null) {
            json.put("thinking", ai.thinking());
        }
        ArrayNode calls = json.putArray("toolCalls");
        if (ai.hasToolExecutionRequests()) {
            for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                ObjectNode entry = calls.addObject();
                entry.put("id", call.id());
                entry.put("name", call.name());
                entry.put("arguments", call.arguments());
            }
        }
    }

    static AiMessage aiFromJson(JsonNode json) {
        List<ToolExecutionRequest> calls = new ArrayList<>();
        for (JsonNode call : json.path("toolCalls")) {
            calls.add(ToolExecutionRequest.builder()
                    .id(call.path("id").asText())
                    .name(call.path("name").asText())
                    .arguments(call.path("arguments").asText())
                    .build());
        }
        AiMessage.Builder builder = AiMessage.builder().toolExecutionRequests(calls);
        if (json.hasNonNull("text")) {
            builder.text(json.get("text").asText());
        }
        if (json.hasNonNull("thinking")) {
            builder.thinking(json.get("thinking").asText());
        }
        return builder.build();
    }

    /** The assistant message as it goes into the history: arguments that are not a JSON object become {@code {}}. */
    static AiMessage sanitize(AiMessage ai) {
        if (!ai.hasToolExecutionRequests()) {
            return ai;
        }
        List<ToolExecutionRequest> calls = new ArrayList<>();
        for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
            boolean valid = parseArguments(call.arguments()) != null;
            calls.add(valid ? call : call.toBuilder().arguments("{}").build());
        }
        return ai.toBuilder().toolExecutionRequests(calls).build();
    }

    /** The arguments as a JSON object, or null when they are not one (malformed JSON, an array, a string). */
    static @Nullable JsonNode parseArguments(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return JsonNodeFactory.instance.objectNode(); // some providers send "" for a call without arguments
        }
        try {
            JsonNode parsed = Json.read(raw);
            return parsed != null && parsed.isObject() ? parsed : null;
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    /** Why the arguments could not be used, for the model. */
    static String argumentProblem(@Nullable String raw) {
        try {
            JsonNode parsed = Json.read(raw == null ? "" : raw);
            return "arguments must be a JSON object, got "
                    + parsed.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        } catch (UncheckedIOException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String detail = String.valueOf(cause.getMessage());
            int newline = detail.indexOf('\n');
            return "arguments are not valid JSON: " + (newline > 0 ? detail.substring(0, newline) : detail);
        }
    }

    static ToolExecutionResultMessage toolResult(String callId, String toolName, String text, boolean isError) {
        return ToolExecutionResultMessage.builder()
                .id(callId)
                .toolName(toolName)
                .text(text)
                .isError(isError)
                .build();
    }
}
