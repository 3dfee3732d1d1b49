/**
 * JSON infrastructure shared by every edge: the one configured {@code ObjectMapper}, and canonical JSON (sorted
 * keys, no insignificant whitespace, UTF-8) whose SHA-256 identifies payloads in traces, caches and signatures.
 */
@NullMarked
package dev.mcpver.json;

import org.jspecify.annotations.NullMarked;
