package dev.mcpver.agent;

/** Why a run exists. */
public enum RunOrigin implements WireEnum {
    CHAT,
    MCP,
    AB_RECOMMENDATION,
    REPLAY,
    FORK;

    public static RunOrigin fromWire(String text) {
        return WireEnum.require(RunOrigin.class, text);
    }
}
