package dev.mcpver.migrate;

import java.time.Duration;

/**
 * Port: speaks MCP to a started server — the handshake and {@code tools/list} snapshot, and smoke calls. Implemented
 * over the MCP Java SDK client in {@code deploy.McpProbe}; the compatibility feature's snapshotter can replace it.
 */
public interface SurfaceProbe {
    /** {@code initialize} (reusing the server's session) and every page of {@code tools/list}. */
    ServerSurface snapshot(ServerHandle server, Duration timeout);

    /** Calls a tool and evaluates the call's expectations. */
    SmokeResult call(ServerHandle server, SmokeCall call, Duration timeout);
}
