package dev.mcpver.mcp;

import dev.mcpver.auth.Caller;

/**
 * Who makes one MCP request and over which transport.
 *
 * @param caller from the bearer token over HTTP; the local user over stdio
 * @param requestId correlation id for logs and tool contexts
 * @param transport {@code stdio}, {@code http} or {@code http-stateless}, for logs
 */
record CallScope(Caller caller, String requestId, String transport) {}
