package dev.mcpver.mcp;

import dev.mcpver.tools.ToolDef;

/**
 * Asks the human behind an MCP client to approve one state-changing call (ADR 0061). Over a session whose client
 * declared the elicitation capability the server asks directly; elsewhere the caller confirms with
 * {@code "confirm": true}.
 */
interface Confirmer {
    /** What the human answered. */
    enum Answer {
        /** Approved this call. */
        APPROVED,
        /** Declined, cancelled, or could not be asked. */
        DECLINED
    }

    /** True when this session can ask the human; false means the {@code confirm} argument decides. */
    boolean canAsk();

    /** Asks for approval of {@code def} with the given arguments (compact JSON). Only called when {@link #canAsk}. */
    Answer ask(ToolDef def, String argumentsJson);

    /** No way to reach the human (stdio without elicitation, stateless HTTP). */
    Confirmer FLAG_ONLY = new Confirmer() {
        @Override
        public boolean canAsk() {
            return false;
        }

        @Override
        public Answer ask(ToolDef def, String argumentsJson) {
            return Answer.DECLINED;
        }
    };
}
