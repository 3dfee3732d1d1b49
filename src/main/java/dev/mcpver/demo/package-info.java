/**
 * {@code mcpver serve --demo}: a small, real-world-like data set (reference MCP servers across versions and stages,
 * an A/B experiment with metrics, recorded agent conversations) loaded through the real services into a separate,
 * freshly created demo database.
 */
@NullMarked
package dev.mcpver.demo;

import org.jspecify.annotations.NullMarked;
