package dev.mcpver.tools;

import dev.mcpver.migrate.CanaryDecision;
import dev.mcpver.migrate.MigrationService;
import dev.mcpver.migrate.ServerSurface;
import dev.mcpver.migrate.TargetRegistry;
import dev.mcpver.migrate.UpdateService;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.DeploymentService;
import dev.mcpver.rollback.Initiator;
import dev.mcpver.rollback.RollbackService;
import org.jspecify.annotations.Nullable;

/** What the deployment, rollback and migration tools need from the feature's wiring. */
public interface DeploymentFeature {
    DeploymentService deployments();

    RollbackService rollback();

    MigrationService migrations();

    TargetRegistry targets();

    UpdateService updates();

    /** Records an operator's canary verdict (until the A/B feature decides canaries from experiments). */
    void decideCanary(String updateId, CanaryDecision.Verdict verdict, @Nullable String reason, Initiator who);

    /** Runs a created migration on a worker (the service) or on the caller's thread (the CLI). */
    void execute(String migrationId);

    /** Handshake and {@code tools/list} of the process serving a deployment's active release. */
    ServerSurface probe(DeploymentId id);
}
