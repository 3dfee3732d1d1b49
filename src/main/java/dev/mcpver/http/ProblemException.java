package dev.mcpver.http;

/** Carries a {@link Problem} to the error mapper; handlers throw it instead of writing error bodies themselves. */
public final class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // never serialised; records are not Serializable
    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
