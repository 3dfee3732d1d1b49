package dev.mcpver.migrate;

/** A step found what it checks to be wrong; the message says what, for the migration's cause. */
final class StepFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StepFailure(String message) {
        super(message);
    }
}
