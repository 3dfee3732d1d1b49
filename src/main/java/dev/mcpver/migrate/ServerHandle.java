package dev.mcpver.migrate;

import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.LaunchSpec;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A server process started for a deployment.
 *
 * @param id the supervisor's id of this start
 * @param deployment whose release it runs
 * @param role {@code resident} (serves the deployment) or {@code candidate} (a release under validation)
 * @param releaseDir which release
 * @param pid OS process id
 * @param transport how MCP is spoken to it
 * @param url the MCP endpoint of an HTTP server; null for stdio
 */
public record ServerHandle(
        String id,
        DeploymentId deployment,
        Role role,
        String releaseDir,
        long pid,
        LaunchSpec.Transport transport,
        @Nullable String url) {
    /** Why a process runs. */
    public enum Role {
        RESIDENT,
        CANDIDATE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
