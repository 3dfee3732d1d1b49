package dev.mcpver.agent;

/** Which kind of chat model planned a run: a real model, the offline rules, or a recorded tape. */
public enum PlannerKind implements WireEnum {
    LLM,
    OFFLINE,
    TAPE;

    public static PlannerKind fromWire(String text) {
        return WireEnum.require(PlannerKind.class, text);
    }
}
