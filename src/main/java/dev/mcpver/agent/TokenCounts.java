package dev.mcpver.agent;

import dev.langchain4j.model.output.TokenUsage;
import org.jspecify.annotations.Nullable;

/** Token usage of a model response or a whole run; zero for the offline planner and the tape. */
public record TokenCounts(int input, int output, int total) {
    public static final TokenCounts ZERO = new TokenCounts(0, 0, 0);

    public TokenCounts {
        if (input < 0 || output < 0 || total < 0) {
            throw new IllegalArgumentException("token counts are never negative");
        }
    }

    /** From LangChain4j's usage, which may be missing entirely or per field. */
    static TokenCounts of(@Nullable TokenUsage usage) {
        if (usage == null) {
            return ZERO;
        }
        int in = orZero(usage.inputTokenCount());
        int out = orZero(usage.outputTokenCount());
        Integer total = usage.totalTokenCount();
        return new TokenCounts(in, out, total == null ? in + out : total);
    }

    public TokenCounts plus(TokenCounts other) {
        return new TokenCounts(input + other.input, output + other.output, total + other.total);
    }

    private static int orZero(@Nullable Integer value) {
        return value == null ? 0 : value;
    }
}
