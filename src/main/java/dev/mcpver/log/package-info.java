/**
 * A small SLF4J backend that writes one JSON object per line to standard error.
 *
 * <p>Why our own: stdout belongs to the stdio MCP protocol, and operators want machine-readable lines with
 * stable top-level fields ({@code ts}, {@code level}, {@code logger}, {@code msg}, plus key-value pairs such as
 * {@code operation}, {@code requestId}, {@code durationMs}). slf4j-simple prints text only; logback's JsonEncoder
 * nests key-values in a list and repeats its context on every line. See docs/adr/0004-json-logging.md.
 *
 * <p>Thread-safety: every class here is safe for concurrent use; a line is written with one locked write.
 */
@NullMarked
package dev.mcpver.log;

import org.jspecify.annotations.NullMarked;
