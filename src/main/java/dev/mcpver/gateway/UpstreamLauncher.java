package dev.mcpver.gateway;

import dev.mcpver.deploy.UpstreamProcess;
import dev.mcpver.rollback.DeploymentId;

/** Port: starts and ends the processes of a deployment's versions for the gateway. */
public interface UpstreamLauncher {
    /**
     * Starts a process of {@code version} of the deployment.
     *
     * @throws UpstreamUnavailableException when the version is not installed or does not start
     */
    UpstreamProcess launch(DeploymentId deployment, String version);

    /** Ends a process started by {@link #launch}. */
    void release(UpstreamProcess process);
}
