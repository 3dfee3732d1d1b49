package dev.mcpver.deploy;

import dev.mcpver.rollback.DeploymentId;
import org.jspecify.annotations.Nullable;

/**
 * A server process started for the MCP gateway ({@link ProcessSupervisor#spawnUpstream}); the gateway owns its stdin and
 * stdout (stdio) or talks to its URL (HTTP).
 *
 * @param id the journal id of this start
 * @param deployment whose release it runs
 * @param releaseDir which release
 * @param process the running process
 * @param url the MCP endpoint of an HTTP server (its port chosen at start); null for stdio
 */
public record UpstreamProcess(
        String id,
        DeploymentId deployment,
        String releaseDir,
        Process process,
        @Nullable String url) {
    /** The role recorded in the process journal. */
    public static final String ROLE = "gateway";
}
