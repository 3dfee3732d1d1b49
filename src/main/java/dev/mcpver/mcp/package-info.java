/**
 * The MCP door: mcpver's tool catalog, prompts and resources served to other agents with the official MCP Java SDK,
 * over stdio ({@code mcpver mcp}) and Streamable HTTP ({@code /mcp}, stateless {@code /mcp-stateless}).
 *
 * <p>One adapter turns every {@link dev.mcpver.tools.ToolDef} into an MCP tool; nothing here names a tool. Features
 * contribute resources through the {@link dev.mcpver.mcp.ResourceSource} port and prompts as files under
 * {@code prompts/templates/} (see {@code prompts/README.md}). Entry points: {@link dev.mcpver.mcp.McpSurface} (what
 * is served), {@link dev.mcpver.mcp.McpHttp} (servlets and filter in the Javalin Jetty),
 * {@link dev.mcpver.mcp.McpStdio} (stdio until EOF) and {@link dev.mcpver.mcp.McpManifest} (the {@code tools/}
 * manifest).
 */
@NullMarked
package dev.mcpver.mcp;

import org.jspecify.annotations.NullMarked;
