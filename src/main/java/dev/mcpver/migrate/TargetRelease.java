package dev.mcpver.migrate;

import dev.mcpver.rollback.ArtifactRef;
import dev.mcpver.rollback.LaunchSpec;
import dev.mcpver.rollback.Names;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A version a deployment can migrate to, as the registry knows it.
 *
 * @param server server name
 * @param version the version
 * @param artifact where its files come from (digest, signature)
 * @param launch how to start it; null keeps the deployment's launch spec
 * @param requiredEnv environment it needs at start
 * @param surface its registered MCP surface; the started target must match it (null: not registered, the
 *     comparison is skipped with a warning)
 * @param smokeCalls read-only calls every migration to this version makes
 */
public record TargetRelease(
        String server,
        String version,
        ArtifactRef artifact,
        @Nullable LaunchSpec launch,
        List<EnvRequirement> requiredEnv,
        @Nullable ServerSurface surface,
        List<SmokeCall> smokeCalls) {
    public TargetRelease {
        Names.server(server);
        Names.version(version);
        requiredEnv = List.copyOf(requiredEnv);
        smokeCalls = List.copyOf(smokeCalls);
    }
}
