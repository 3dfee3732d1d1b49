/**
 * The compatibility engine's own JSON value model: a sealed {@link dev.mcpver.compat.json.JsonValue} tree that
 * adapters fill from Jackson, plus a deterministic writer. It exists because engine packages may not use
 * jackson-databind (ADR 0010), and because surfaces carry arbitrary JSON (schemas, enum values, defaults).
 *
 * <p>Values are immutable and thread-safe. Numbers compare by value ({@code 1 == 1.0}), objects by members regardless
 * of order — the equality JSON Schema's {@code enum} and {@code const} use.
 */
@NullMarked
package dev.mcpver.compat.json;

import org.jspecify.annotations.NullMarked;
