/**
 * Who is calling and what they may do: {@link dev.mcpver.auth.Role} (viewer ⊂ operator ⊂ admin) and
 * {@link dev.mcpver.auth.Caller}. Every state-changing route, MCP tool and CLI operation declares the role it needs.
 */
@NullMarked
package dev.mcpver.auth;

import org.jspecify.annotations.NullMarked;
