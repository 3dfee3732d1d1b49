package dev.mcpver.agent;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Where a fork may start (agent.md §3 (c)) and which user message it records there. */
final class ForkPoint {
    private ForkPoint() {}

    /**
     * Checks the fork point and returns the user message text the fork records at {@code fromStep}, or null when it
     * continues straight into a model request.
     */
    static @Nullable String check(List<Step> steps, ForkInput input) {
        int k = input.fromStep();
        if (k > steps.size()) {
            throw AgentException.invalid("fromStep " + k + " is beyond the run's " + steps.size() + " steps");
        }
        if (k == steps.size()) {
            if (input.appendUserMessage() == null) {
                throw AgentException.invalid("forking after the last step needs appendUserMessage");
            }
            return input.appendUserMessage();
        }
        Step step = steps.get(k);
        if (step.kind() == StepKind.USER_MESSAGE) {
            if (input.appendUserMessage() != null) {
                throw AgentException.invalid("step " + k
                        + " is a user_message: use replaceUserMessage, or fork at a model_request to append");
            }
            return input.replaceUserMessage() != null
                    ? input.replaceUserMessage()
                    : step.payload().path("text").asText();
        }
        if (step.kind() == StepKind.MODEL_REQUEST) {
            if (input.replaceUserMessage() != null) {
                throw AgentException.invalid("replaceUserMessage needs fromStep at a user_message step");
            }
            return input.appendUserMessage();
        }
        throw AgentException.invalid("fork from a user_message or model_request step; step " + k + " is a "
                + step.kind().wire());
    }
}
