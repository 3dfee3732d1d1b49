/**
 * The command line (picocli): {@code mcpver serve}, {@code mcpver semver …} and the commands later features add.
 * Exit codes are part of the contract for CI pipelines: 0 success, 1 a negative answer or a failed gate, 2 invalid
 * input or configuration (one line on stderr).
 */
@NullMarked
package dev.mcpver.cli;

import org.jspecify.annotations.NullMarked;
