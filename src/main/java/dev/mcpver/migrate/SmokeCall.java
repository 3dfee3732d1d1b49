package dev.mcpver.migrate;

import java.util.List;

/**
 * A call of a read-only tool made against a started target before the switch (and timed after it).
 *
 * @param tool tool name; the target must declare it read-only
 * @param arguments JSON object text of the arguments
 * @param expect predicates on the result; an empty list means {@code not_error}
 */
public record SmokeCall(String tool, String arguments, List<Expectation> expect) {
    public SmokeCall {
        if (tool.isBlank()) {
            throw new IllegalArgumentException("a smoke call needs a tool name");
        }
        String trimmed = arguments.strip();
        if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            throw new IllegalArgumentException("smoke call arguments for " + tool + " must be a JSON object");
        }
        expect = expect.isEmpty() ? List.of(Expectation.notError()) : List.copyOf(expect);
    }
}
