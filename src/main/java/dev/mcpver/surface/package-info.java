/**
 * Adapter between the compatibility engine and the rest of mcpver: JSON conversion (Jackson trees ↔ the engine's
 * {@link dev.mcpver.compat.json.JsonValue}), reading surface files, the analysis service with its report cache, the
 * catalog tools, and the generator of mcpver's own surface manifest ({@code tools/}).
 */
@NullMarked
package dev.mcpver.surface;

import org.jspecify.annotations.NullMarked;
