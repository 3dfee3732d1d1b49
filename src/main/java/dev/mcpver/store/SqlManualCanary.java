package dev.mcpver.store;

import dev.mcpver.audit.AuditEvent;
import dev.mcpver.migrate.CanaryController;
import dev.mcpver.migrate.CanaryDecision;
import dev.mcpver.migrate.MigrationException;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.Initiator;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The canary port until the A/B feature lands: the "experiment" is a row an operator decides with
 * {@link #decide} ({@code POST /api/v1/updates/{id}/canary-decision}). Traffic is not split here — routing calls
 * between the two versions is the A/B and gateway features' job. Thread-safe.
 */
public final class SqlManualCanary implements CanaryController {
    private final Database database;
    private final SqlAuditLog audit;
    private final Clock clock;

    public SqlManualCanary(Database database, SqlAuditLog audit, Clock clock) {
        this.database = database;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String start(
            String updateId, DeploymentId deployment, String fromVersion, String toVersion, int trafficPercent) {
        String experiment = experimentIdOf(updateId);
        database.inWriteTransaction(handle -> {
            handle.createUpdate("DELETE FROM canary_decisions WHERE experiment_id = :id")
                    .bind("id", experiment)
                    .execute();
            return handle.createUpdate("INSERT INTO canary_decisions (experiment_id, update_id, verdict) VALUES (:id,"
                            + " :update, 'PENDING')")
                    .bind("id", experiment)
                    .bind("update", updateId)
                    .execute();
        });
        return experiment;
    }

    @Override
    public CanaryDecision decision(String experimentId) {
        return database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT verdict, reason FROM canary_decisions WHERE" + " experiment_id = :id")
                        .bind("id", experimentId)
                        .map((rs, ctx) ->
                                new CanaryDecision(CanaryDecision.Verdict.valueOf(rs.getString(1)), rs.getString(2)))
                        .findOne()
                        .orElse(CanaryDecision.pending()));
    }

    /** The operator's verdict for an update's canary (pending when none was recorded). */
    public CanaryDecision decisionForUpdate(String updateId) {
        return decision(experimentIdOf(updateId));
    }

    private static String experimentIdOf(String updateId) {
        return "manual-" + updateId;
    }

    @Override
    public void stop(String experimentId) {
        // nothing runs on our side: the decision row stays as the record of the verdict
    }

    /** Records an operator's verdict for an update's canary; audited. */
    public void decide(String updateId, CanaryDecision.Verdict verdict, @Nullable String reason, Initiator who) {
        if (verdict == CanaryDecision.Verdict.PENDING) {
            throw new MigrationException(MigrationException.Reason.INVALID, "decision must be promote or rollback");
        }
        database.inWriteTransaction(handle -> {
            int changed = handle.createUpdate("UPDATE canary_decisions SET verdict = :verdict, reason = :reason,"
                            + " decided_by = :by, decided_at = :at WHERE update_id = :update AND verdict = 'PENDING'")
                    .bind("verdict", verdict.name())
                    .bind("reason", reason)
                    .bind("by", who.subject())
                    .bind("at", clock.instant().toString())
                    .bind("update", updateId)
                    .execute();
            if (changed == 0) {
                throw new MigrationException(
                        MigrationException.Reason.CONFLICT, "update " + updateId + " has no canary awaiting a verdict");
            }
            return audit.append(
                    handle,
                    new AuditEvent(
                            who.subject(),
                            "update.canary-decision",
                            "update",
                            updateId,
                            null,
                            StoredJson.tree(Map.of(
                                    "verdict",
                                    verdict.name().toLowerCase(Locale.ROOT),
                                    "reason",
                                    reason == null ? "" : reason)),
                            who.requestId()));
        });
    }
}
