package dev.mcpver.compat;

import java.util.Locale;

/**
 * Whom a change can hurt (buf-style consumer models): a programmatic client ({@link #WIRE}: names, schemas,
 * capabilities, protocol), an LLM agent or host ({@link #AGENT}: titles, descriptions, annotations, instructions),
 * or the operator who deploys the server ({@link #OPERATOR}: environment, arguments, transports, dependencies).
 */
public enum Consumer {
    WIRE,
    AGENT,
    OPERATOR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
