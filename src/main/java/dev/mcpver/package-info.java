/**
 * mcpver: a version manager for MCP servers. {@link dev.mcpver.App} is the composition root; every feature lives in
 * its own package (see docs/architecture.md).
 */
@NullMarked
package dev.mcpver;

import org.jspecify.annotations.NullMarked;
