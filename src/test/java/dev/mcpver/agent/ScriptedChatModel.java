package dev.mcpver.agent;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A chat model scripted turn by turn (LangChain4j's ChatModelMock idea); records every request it gets. */
final class ScriptedChatModel implements ChatModel {
    private final List<Function<ChatRequest, AiMessage>> turns = new ArrayList<>();
    final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private int position;

    ScriptedChatModel then(AiMessage message) {
        turns.add(request -> message);
        return this;
    }

    ScriptedChatModel then(Function<ChatRequest, AiMessage> turn) {
        turns.add(turn);
        return this;
    }

    ScriptedChatModel thenCall(String id, String tool, String arguments) {
        return then(AiMessage.from(ToolExecutionRequest.builder()
                .id(id)
                .name(tool)
                .arguments(arguments)
                .build()));
    }

    ScriptedChatModel thenAnswer(String text) {
        return then(AiMessage.from(text));
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        requests.add(request);
        AiMessage next = turns.get(Math.min(position++, turns.size() - 1)).apply(request);
        return ChatResponse.builder()
                .aiMessage(next)
                .modelName("scripted")
                .tokenUsage(new TokenUsage(10, 5, 15))
                .finishReason(next.hasToolExecutionRequests() ? FinishReason.TOOL_EXECUTION : FinishReason.STOP)
                .build();
    }

    static AiMessage calls(ToolExecutionRequest... requests) {
        return AiMessage.from(List.of(requests));
    }

    static ToolExecutionRequest call(String id, String tool, String arguments) {
        return ToolExecutionRequest.builder()
                .id(id)
                .name(tool)
                .arguments(arguments)
                .build();
    }
}
