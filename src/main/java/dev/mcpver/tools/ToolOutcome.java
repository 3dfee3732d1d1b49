package dev.mcpver.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** What a tool call produced: a JSON result, or a failure with a stable code and a message a model can act on. */
public sealed interface ToolOutcome {
    boolean ok();

    /** A successful call; {@code result} matches the tool's output schema. */
    record Ok(JsonNode result) implements ToolOutcome {
        public Ok {
            Objects.requireNonNull(result, "result");
        }

        @Override
        public boolean ok() {
            return true;
        }
    }

    /**
     * A failed call. Codes: {@code unknown_tool}, {@code invalid_arguments}, {@code forbidden},
     * {@code confirmation_required}, {@code not_found}, {@code conflict}, {@code tool_failed}, plus feature codes.
     */
    record Failed(String code, String message) implements ToolOutcome {
        public Failed {
            if (code.isBlank() || message.isBlank()) {
                throw new IllegalArgumentException("a failure needs a code and a message");
            }
        }

        @Override
        public boolean ok() {
            return false;
        }

        /** The text a model reads: {@code code: message}. */
        public String text() {
            return code + ": " + message;
        }
    }

    static ToolOutcome ok(JsonNode result) {
        return new Ok(result);
    }

    static ToolOutcome failed(String code, String message) {
        return new Failed(code, message);
    }
}
