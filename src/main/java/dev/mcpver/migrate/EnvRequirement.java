package dev.mcpver.migrate;

import dev.mcpver.rollback.Names;
import org.jspecify.annotations.Nullable;

/**
 * An environment variable a target version needs at start.
 *
 * @param name the variable the target reads
 * @param renamedFrom the variable older versions read for the same setting; its value is carried over
 * @param defaultValue used when the deployment has neither (null: the operator must provide it)
 */
public record EnvRequirement(
        String name, @Nullable String renamedFrom, @Nullable String defaultValue) {
    public EnvRequirement {
        Names.envVar(name);
        if (renamedFrom != null) {
            Names.envVar(renamedFrom);
        }
    }

    public static EnvRequirement required(String name) {
        return new EnvRequirement(name, null, null);
    }
}
