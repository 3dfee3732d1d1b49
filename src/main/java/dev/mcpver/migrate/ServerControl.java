package dev.mcpver.migrate;

import dev.mcpver.rollback.ConfigEntry;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.LaunchSpec;
import java.util.List;
import java.util.Optional;

/**
 * Port: starts and stops the server processes of deployments ({@code deploy.ProcessSupervisor}). At most one
 * process per (deployment, role).
 */
public interface ServerControl {
    /**
     * Starts a release (replacing a process of the same role) and waits until it answers the MCP handshake.
     *
     * @throws ServerStartException when it exits, or does not answer within the launch spec's startup timeout
     */
    ServerHandle start(
            DeploymentId id, ServerHandle.Role role, String releaseDir, LaunchSpec launch, List<ConfigEntry> config);

    /** Stops the process of a role; no-op when none runs. */
    void stop(DeploymentId id, ServerHandle.Role role);

    Optional<ServerHandle> running(DeploymentId id, ServerHandle.Role role);

    /** The candidate becomes the resident (the previous resident, if any, is stopped). */
    ServerHandle promote(DeploymentId id);
}
