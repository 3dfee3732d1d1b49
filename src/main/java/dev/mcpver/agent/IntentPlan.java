package dev.mcpver.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/**
 * What an intent does for one request: stages of tool calls (each stage is one model turn; its calls run in order),
 * then an answer over the results. Deterministic: the same request and results give the same calls and answer.
 */
public interface IntentPlan {
    /** Plain-language summary of the plan, for the kickoff thought. */
    String summary();

    /** The calls of the next stage given the results of the calls made so far; empty when the plan is done. */
    List<Call> nextStage(List<ToolResult> resultsSoFar);

    /** The answer (without the offline label), given every result. */
    String answer(List<ToolResult> results);

    /** A planned tool call. */
    record Call(String tool, ObjectNode arguments) {}

    /** A result the plan reads: the call it answers, and the result or error. */
    record ToolResult(Call call, boolean ok, com.fasterxml.jackson.databind.JsonNode value) {
        /** A field of an ok result as text ({@code ""} when missing or failed). */
        public String text(String field) {
            return ok ? value.path(field).asText("") : "";
        }

        /** The error text ({@code code: message}) of a failed call. */
        public String error() {
            return ok
                    ? ""
                    : value.path("code").asText() + ": " + value.path("message").asText();
        }
    }

    /** A plan whose stages are known upfront. */
    static IntentPlan fixed(String summary, List<List<Call>> stages, Function<List<ToolResult>, String> answer) {
        List<List<Call>> copy = List.copyOf(stages);
        return new IntentPlan() {
            @Override
            public String summary() {
                return summary;
            }

            @Override
            public List<Call> nextStage(List<ToolResult> resultsSoFar) {
                int done = resultsSoFar.size();
                for (List<Call> stage : copy) {
                    if (done < stage.size()) {
                        return done == 0 ? stage : stage.subList(done, stage.size());
                    }
                    done -= stage.size();
                }
                return List.of();
            }

            @Override
            public String answer(List<ToolResult> results) {
                return answer.apply(results);
            }
        };
    }
}
