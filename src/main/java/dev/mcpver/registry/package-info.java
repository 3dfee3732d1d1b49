/**
 * The registry of MCP servers and their versions: server definitions compatible with the MCP registry's
 * {@code server.json} ideas (packages, transports, environment variables), SemVer-validated versions ordered by
 * our engine, their artifacts, surfaces and attestations, the declared-versus-required bump, and the promotion of a
 * version through the lifecycle behind pluggable {@link dev.mcpver.registry.PromotionGate}s.
 */
@NullMarked
package dev.mcpver.registry;

import org.jspecify.annotations.NullMarked;
