/**
 * The MCP compatibility analyzer: two server surfaces in, a {@link dev.mcpver.compat.CompatReport} out — every
 * change with a stable rule id, its level (breaking / potentially breaking / non-breaking), the consumer it affects
 * (wire, agent, operator), the minimal SemVer bump the release owes, and whether the declared version under-bumps.
 *
 * <p>Entry points: {@link dev.mcpver.compat.SurfaceParser} (JSON → {@link dev.mcpver.compat.Surface}), {@link
 * dev.mcpver.compat.CompatAnalyzer} and {@link dev.mcpver.compat.ReportRenderer}. The rule catalogue is {@link
 * dev.mcpver.compat.Rule}. Pure and deterministic: JDK, SLF4J and the SemVer engine only; equal inputs give
 * byte-identical reports.
 */
@NullMarked
package dev.mcpver.compat;

import org.jspecify.annotations.NullMarked;
