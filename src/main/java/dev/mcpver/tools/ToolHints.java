package dev.mcpver.tools;

/**
 * MCP tool annotations, stated truthfully: clients and agents decide what to auto-approve from them.
 *
 * @param readOnly never changes state anywhere
 * @param destructive may delete or overwrite (meaningful only when not read-only)
 * @param idempotent calling twice with the same arguments has no further effect
 * @param openWorld talks to systems outside mcpver's store (processes, networks, MCP servers)
 */
public record ToolHints(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {
    public ToolHints {
        if (readOnly && destructive) {
            throw new IllegalArgumentException("a read-only tool cannot be destructive");
        }
    }

    /** Pure computation over its arguments or stored data. */
    public static ToolHints readOnlyClosed() {
        return new ToolHints(true, false, true, false);
    }

    /** Reads from outside (e.g. connects to an MCP server to snapshot it) but changes nothing. */
    public static ToolHints readOnlyOpen() {
        return new ToolHints(true, false, true, true);
    }
}
