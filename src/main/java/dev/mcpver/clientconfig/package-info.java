/**
 * Client-side migration (adapter): rewrites MCP client configuration files — Claude Desktop's
 * {@code claude_desktop_config.json} and Cursor's {@code .cursor/mcp.json} ({@code mcpServers} maps), VS Code's
 * {@code .vscode/mcp.json} ({@code servers} map, comments allowed) — so one server entry pins a new version. The
 * edit is made in the text (formatting and comments survive), shown as a diff, and written atomically after a backup.
 */
@NullMarked
package dev.mcpver.clientconfig;

import org.jspecify.annotations.NullMarked;
