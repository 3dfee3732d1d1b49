/**
 * The one tool catalog that feeds every door: the agent, the MCP server and the HTTP API read the same
 * {@link dev.mcpver.tools.ToolDef}s, so names, descriptions and schemas cannot drift. The catalog validates
 * arguments against each tool's JSON Schema (2020-12), enforces roles and the confirmation rule, and turns every
 * failure into a {@link dev.mcpver.tools.ToolOutcome.Failed} a model can act on — a tool call never throws.
 */
@NullMarked
package dev.mcpver.tools;

import org.jspecify.annotations.NullMarked;
