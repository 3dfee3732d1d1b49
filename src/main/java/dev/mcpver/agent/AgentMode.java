package dev.mcpver.agent;

import java.util.Optional;

/** {@code MCPVER_AGENT_MODE}: {@code auto} picks online when a model is configured, offline otherwise. */
public enum AgentMode implements WireEnum {
    AUTO,
    ONLINE,
    OFFLINE;

    public static Optional<AgentMode> fromWire(String text) {
        return WireEnum.parse(AgentMode.class, text);
    }
}
