package dev.mcpver.gateway;

import dev.mcpver.deploy.ProcessSupervisor;
import dev.mcpver.deploy.UpstreamProcess;
import dev.mcpver.rollback.Deployment;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.DeploymentService;
import dev.mcpver.rollback.Names;

/**
 * Upstreams from the deployment's records: the release directory of the version (the active one, or
 * {@code releases/<version>} when installed, e.g. a canary's target), the deployment's launch spec and its
 * configuration with secrets resolved by the {@link ProcessSupervisor}.
 */
public final class DeployedUpstreams implements UpstreamLauncher {
    private final DeploymentService deployments;
    private final ProcessSupervisor supervisor;

    public DeployedUpstreams(DeploymentService deployments, ProcessSupervisor supervisor) {
        this.deployments = deployments;
        this.supervisor = supervisor;
    }

    @Override
    public UpstreamProcess launch(DeploymentId id, String version) {
        Deployment deployment = deployments.get(id);
        String dir = version.equals(deployment.state().version())
                ? java.util.Objects.requireNonNull(deployment.state().releaseDir())
                : Names.version(version);
        if (!deployments.area().exists(id, dir)) {
            throw new UpstreamUnavailableException("version " + version + " of " + id + " is not installed", null);
        }
        try {
            return supervisor.spawnUpstream(
                    id, dir, deployment.state().launch(), deployment.state().config());
        } catch (RuntimeException e) {
            throw new UpstreamUnavailableException("version " + version + " of " + id + " did not start", e);
        }
    }

    @Override
    public void release(UpstreamProcess process) {
        supervisor.releaseUpstream(process);
    }
}
