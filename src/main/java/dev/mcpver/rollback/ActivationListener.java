package dev.mcpver.rollback;

/**
 * Port: told after a deployment was switched and its {@code current} link moved, so whoever runs the deployment's
 * process (the supervisor in {@code deploy}) restarts it on the new release.
 */
@FunctionalInterface
public interface ActivationListener {
    ActivationListener NONE = deployment -> {};

    void activated(Deployment deployment);
}
