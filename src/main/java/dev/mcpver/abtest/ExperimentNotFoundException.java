package dev.mcpver.abtest;

import java.io.Serial;

/** No experiment has this id. */
public final class ExperimentNotFoundException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public ExperimentNotFoundException(String id) {
        super("no experiment with id \"" + id + "\"");
    }
}
