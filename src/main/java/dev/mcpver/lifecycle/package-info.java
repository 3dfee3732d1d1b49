/**
 * The release lifecycle, pure: the {@link dev.mcpver.lifecycle.Stage}s a version moves through, the explicit
 * {@link dev.mcpver.lifecycle.LifecyclePolicy} of allowed transitions and the role each needs, and the gate
 * vocabulary ({@link dev.mcpver.lifecycle.GateResult}, {@link dev.mcpver.lifecycle.GateReport},
 * {@link dev.mcpver.lifecycle.SecurityScore}). JDK only (plus Jackson's {@code @JsonValue} annotation for wire names — an annotation, not databind, as in the MCP
 * SDK's spec records); gates that need data live in the registry feature.
 */
@NullMarked
package dev.mcpver.lifecycle;

import org.jspecify.annotations.NullMarked;
