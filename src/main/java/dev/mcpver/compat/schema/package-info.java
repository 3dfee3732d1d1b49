/**
 * JSON Schema as the compatibility engine sees it: raw schemas canonicalised into a sealed {@link
 * dev.mcpver.compat.schema.SchemaNode} (local references inlined, sets for {@code type}/{@code enum}/{@code
 * required}, defaults and annotations separated, nullability, dialect differences and zod's safe-integer bounds
 * normalised, an explicit {@link dev.mcpver.compat.schema.SchemaNode.Unknown} for what cannot be modelled); a
 * keyword differ that reports {@link dev.mcpver.compat.schema.Delta}s with a direction (narrowed / widened); and a
 * subschema inclusion check that answers yes, no or unknown — never guesses.
 *
 * <p>Pure and deterministic; every type here is immutable and thread-safe.
 */
@NullMarked
package dev.mcpver.compat.schema;

import org.jspecify.annotations.NullMarked;
