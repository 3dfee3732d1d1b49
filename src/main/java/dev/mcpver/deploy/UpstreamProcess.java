package dev.mcpver.deploy;

import dev.mcpver.rollback.DeploymentId;

/**
 * A stdio server process started for the MCP gateway ({@link ProcessSupervisor#spawnUpstream}); the gateway owns its
 * stdin and stdout.
 *
 * @param id the journal id of this start
 * @param deployment whose release it runs
 * @param releaseDir which release
 * @param process the running process
 */
public record UpstreamProcess(String id, DeploymentId deployment, String releaseDir, Process process) {
    /** The role recorded in the process journal. */
    public static final String ROLE = "gateway";
}
