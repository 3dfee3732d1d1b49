package dev.mcpver.abtest;

import java.io.Serial;

/**
 * Input that breaks the experiment model: a bad definition, an unknown variant or metric in a batch, a value
 * that a binary metric cannot take. {@link #field()} locates the value in the request as a JSON pointer without its leading slash
 * ({@code variants/1/weight}, {@code observations/17/value}); the message starts with the full pointer so every door can name what to fix.
 */
public final class InvalidExperimentException extends IllegalArgumentException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidExperimentException(String field, String message) {
        super(field.isEmpty() ? message : "/" + field + ": " + message);
        this.field = field;
    }

    /** The same complaint located under a parent pointer, e.g. {@code weight} under {@code /variants/1}. */
    public InvalidExperimentException under(String parent) {
        return new InvalidExperimentException(field.isEmpty() ? parent : parent + "/" + field, bareMessage());
    }

    private String bareMessage() {
        String message = String.valueOf(getMessage());
        return field.isEmpty() ? message : message.substring(field.length() + 3);
    }

    /** Location of the offending value (a JSON pointer without the leading slash); empty for the whole input. */
    public String field() {
        return field;
    }
}
