package dev.mcpver.agent;

import dev.langchain4j.model.chat.ChatModel;
import org.jspecify.annotations.Nullable;

/**
 * The chat model that plans a run, with what the trace records about it.
 *
 * @param provider {@code openrouter}, {@code ollama}, … for online models; null for offline and tape
 */
record Planner(PlannerKind kind, @Nullable String provider, String modelId, ChatModel model) {
    AgentMode mode() {
        return kind == PlannerKind.LLM ? AgentMode.ONLINE : AgentMode.OFFLINE;
    }
}
