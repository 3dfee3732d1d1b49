/**
 * The agent: a sequential-thinking loop over LangChain4j's {@code ChatModel} that plans version decisions with the
 * shared {@link dev.mcpver.tools.ToolCatalog}, persists every step before taking the next action, and replays its
 * traces. {@link dev.mcpver.agent.Agent} is the entry point; {@link dev.mcpver.agent.TraceStore} is the port the
 * store implements; {@link dev.mcpver.agent.TraceService} views, exports, imports and verifies traces.
 *
 * <p>Planners are chat models: the online model (any OpenAI-compatible endpoint, OpenRouter by default), the
 * deterministic offline planner (intent rules, used when no model is configured) and the tape (recorded model
 * outputs, for replay). Every model attempt, tool call and result is a step in an append-only log.
 */
@NullMarked
package dev.mcpver.agent;

import org.jspecify.annotations.NullMarked;
