package dev.mcpver;

/** A setting is missing or invalid; the message is one line that names the setting and what is wrong. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
