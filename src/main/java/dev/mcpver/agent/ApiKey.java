package dev.mcpver.agent;

/** A model provider's API key. Never printed: {@link #toString()} is redacted, and traces never store it. */
public final class ApiKey {
    private final String value;

    public ApiKey(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("an API key must not be blank");
        }
        this.value = value.strip();
    }

    /** The key itself, for the Authorization header only. */
    String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "ApiKey[redacted]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && key.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
