package dev.mcpver.compat;

/**
 * An input that is not a surface: a JSON structure error, naming the offending location as a JSON pointer
 * (e.g. {@code /tools/3/inputSchema: expected an object}).
 */
public final class SurfaceException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String pointer;
    private final String problem;

    public SurfaceException(String pointer, String problem) {
        super((pointer.isEmpty() ? "/" : pointer) + ": " + problem);
        this.pointer = pointer;
        this.problem = problem;
    }

    /** Where the input is wrong; empty for the document root. */
    public String pointer() {
        return pointer;
    }

    /** The problem without its location. */
    public String problem() {
        return problem;
    }

    /** The same problem inside a document located at {@code prefix} (e.g. {@code /old}). */
    public SurfaceException under(String prefix) {
        return new SurfaceException(prefix + pointer, problem);
    }
}
