package dev.mcpver.agent;

/** What a step records. {@code thought} is a {@code sequentialthinking} call; {@code confirmation} a human's decision. */
public enum StepKind implements WireEnum {
    USER_MESSAGE,
    THOUGHT,
    MODEL_REQUEST,
    MODEL_RESPONSE,
    TOOL_CALL,
    TOOL_RESULT,
    FINAL_ANSWER,
    ERROR,
    CONFIRMATION;

    public static StepKind fromWire(String text) {
        return WireEnum.require(StepKind.class, text);
    }
}
