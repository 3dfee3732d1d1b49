/**
 * The MCP gateway (issue 10): agents connect to {@code /mcp/servers/{server}/{environment}} (or {@code mcpver proxy})
 * instead of to a deployed server, and mcpver decides which version serves them. {@link dev.mcpver.gateway.RoutePolicy}
 * is the pure routing rule (experiment assignment, decisions, promoted winners); {@link dev.mcpver.gateway.Gateway}
 * forwards JSON-RPC faithfully to pooled upstream processes ({@link dev.mcpver.gateway.UpstreamChannel}), remapping
 * ids and progress tokens per upstream, and records every {@code tools/call} as observations of the running
 * experiment ({@link dev.mcpver.gateway.WireMetrics}). {@link dev.mcpver.gateway.GatewayServlet} is the Streamable
 * HTTP front; {@link dev.mcpver.gateway.GatewayCanary} drives the canary update strategy through the gateway.
 */
@NullMarked
package dev.mcpver.gateway;

import org.jspecify.annotations.NullMarked;
