package dev.mcpver.auth;

/**
 * An authenticated (or explicitly trusted) caller.
 *
 * @param subject stable name for audit trails: a token id, {@code local-cli}, {@code anonymous}
 * @param role what the caller may do
 */
public record Caller(String subject, Role role) {
    public Caller {
        if (subject.isBlank()) {
            throw new IllegalArgumentException("a caller needs a subject");
        }
    }

    /** The local user of the CLI and of the stdio MCP server: whoever can run the binary owns the data. */
    public static Caller localAdmin() {
        return new Caller("local", Role.ADMIN);
    }

    /** An unauthenticated caller, allowed to read only where reads are configured to be open. */
    public static Caller anonymous() {
        return new Caller("anonymous", Role.VIEWER);
    }

    public boolean may(Role required) {
        return role.includes(required);
    }
}
