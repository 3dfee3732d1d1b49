package dev.mcpver.agent;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;

/**
 * Plays back the model outputs of a recorded run, in order (verify replays). Asking past the end throws
 * {@link TapeExhaustedException}. One per replay; not thread-safe.
 */
final class TapeChatModel implements ChatModel {
    static final String MODEL_ID = "tape";

    private final List<AiMessage> tape;
    private int position;

    TapeChatModel(List<AiMessage> tape) {
        this.tape = List.copyOf(tape);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        if (position >= tape.size()) {
            throw new TapeExhaustedException(tape.size());
        }
        AiMessage next = tape.get(position++);
        return ChatResponse.builder()
                .aiMessage(next)
                .modelName(MODEL_ID)
                .tokenUsage(new TokenUsage(0, 0, 0))
                .finishReason(next.hasToolExecutionRequests() ? FinishReason.TOOL_EXECUTION : FinishReason.STOP)
                .build();
    }

    int unused() {
        return tape.size() - position;
    }

    /** The replay asked for more model output than the original run produced. */
    static final class TapeExhaustedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TapeExhaustedException(int length) {
            super("the tape has only " + length + " recorded model responses");
        }
    }
}
