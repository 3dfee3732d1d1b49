package dev.mcpver.store;

import dev.mcpver.abtest.Decision;
import dev.mcpver.abtest.Direction;
import dev.mcpver.abtest.Experiment;
import dev.mcpver.abtest.ExperimentSpec;
import dev.mcpver.abtest.ExperimentStatus;
import dev.mcpver.abtest.MetricKind;
import dev.mcpver.abtest.MetricRole;
import dev.mcpver.abtest.MetricSpec;
import dev.mcpver.abtest.SequentialSpec;
import dev.mcpver.abtest.StopRecord;
import dev.mcpver.abtest.VariantSpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/** Experiments to and from {@code ab_experiments}, {@code ab_variants} and {@code ab_metrics}. */
final class ExperimentRows {
    private static final String COLUMNS = "id, name, mcp_id, status, control_key, alpha, srm_alpha, min_samples,"
            + " seq_method, seq_tau, auto_promote, salt, allocation, created_by, created_at, started_at,"
            + " stop_outcome, stop_winner, stop_reason, stop_by, stopped_at, proposal_action, proposal_winner,"
            + " proposal_reasons";

    private ExperimentRows() {}

    static void insert(Handle handle, Experiment e, Instant at) {
        ExperimentSpec spec = e.spec();
        handle.createUpdate("INSERT INTO ab_experiments (id, name, mcp_id, status, control_key, alpha, srm_alpha,"
                        + " min_samples, seq_method, seq_tau, auto_promote, salt, allocation, created_by, created_at,"
                        + " updated_at) VALUES (:id, :name, :mcp, :status, :control, :alpha, :srmAlpha, :minSamples,"
                        + " :method, :tau, :autoPromote, :salt, :allocation, :by, :createdAt, :at)")
                .bind("id", e.id())
                .bind("name", spec.name())
                .bind("mcp", spec.mcpId())
                .bind("status", e.status().wireName())
                .bind("control", spec.control())
                .bind("alpha", spec.alpha())
                .bind("srmAlpha", spec.srmAlpha())
                .bind("minSamples", spec.minSamplesPerVariant())
                .bind("method", spec.sequential().method())
                .bind("tau", spec.sequential().tau())
                .bind("autoPromote", spec.autoPromote())
                .bind("salt", e.salt())
                .bind("allocation", e.allocation().encode())
                .bind("by", e.createdBy())
                .bind("createdAt", e.createdAt().toString())
                .bind("at", at.toString())
                .execute();
        insertVariants(handle, e);
        insertMetrics(handle, e);
    }

    private static void insertVariants(Handle handle, Experiment e) {
        var batch = handle.prepareBatch("INSERT INTO ab_variants (experiment_id, position, key, version, weight)"
                + " VALUES (:id, :position, :key, :version, :weight)");
        List<VariantSpec> variants = e.spec().variants();
        for (int i = 0; i < variants.size(); i++) {
            batch.bind("id", e.id())
                    .bind("position", i)
                    .bind("key", variants.get(i).key())
                    .bind("version", variants.get(i).version())
                    .bind("weight", variants.get(i).weight())
                    .add();
        }
        batch.execute();
    }

    private static void insertMetrics(Handle handle, Experiment e) {
        var batch = handle.prepareBatch("INSERT INTO ab_metrics (experiment_id, position, name, kind, direction,"
                + " role, guardrail_threshold) VALUES (:id, :position, :name, :kind, :direction, :role, :threshold)");
        List<MetricSpec> metrics = e.spec().metrics();
        for (int i = 0; i < metrics.size(); i++) {
            MetricSpec m = metrics.get(i);
            batch.bind("id", e.id())
                    .bind("position", i)
                    .bind("name", m.name())
                    .bind("kind", m.kind().wireName())
                    .bind("direction", m.direction().wireName())
                    .bind("role", m.role().wireName())
                    .bind("threshold", m.guardrailThreshold())
                    .add();
        }
        batch.execute();
    }

    /**
     * Writes the mutable parts: status, start, stop, proposal, allocation and weights, and bumps {@code version},
     * which tells cached copies (see {@code ExperimentStore}) that they are stale.
     */
    static void update(Handle handle, Experiment e, Instant at) {
        StopRecord stop = e.stop();
        Decision proposal = e.proposal();
        handle.createUpdate("UPDATE ab_experiments SET version = version + 1, status = :status, started_at = :started,"
                        + " allocation = :allocation, updated_at = :at, stop_outcome = :outcome,"
                        + " stop_winner = :winner, stop_reason = :reason, stop_by = :by, stopped_at = :stoppedAt,"
                        + " proposal_action = :pAction, proposal_winner = :pWinner, proposal_reasons = :pReasons"
                        + " WHERE id = :id")
                .bind("status", e.status().wireName())
                .bind("started", e.startedAt() == null ? null : e.startedAt().toString())
                .bind("allocation", e.allocation().encode())
                .bind("at", at.toString())
                .bind("outcome", stop == null ? null : stop.outcome().wireName())
                .bind("winner", stop == null ? null : stop.winner())
                .bind("reason", stop == null ? null : stop.reason())
                .bind("by", stop == null ? null : stop.by())
                .bind("stoppedAt", stop == null ? null : stop.at().toString())
                .bind("pAction", proposal == null ? null : proposal.action().wireName())
                .bind("pWinner", proposal == null ? null : proposal.winner())
                .bind("pReasons", proposal == null ? null : ExperimentStore.writeStrings(proposal.reasons()))
                .bind("id", e.id())
                .execute();
        for (VariantSpec variant : e.spec().variants()) {
            handle.createUpdate("UPDATE ab_variants SET weight = :weight WHERE experiment_id = :id AND key = :key")
                    .bind("weight", variant.weight())
                    .bind("id", e.id())
                    .bind("key", variant.key())
                    .execute();
        }
    }

    static Optional<Experiment> find(Handle handle, String id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM ab_experiments WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> read(handle, rs))
                .findOne();
    }

    static List<Experiment> all(Handle handle) {
        List<String> ids = handle.createQuery("SELECT id FROM ab_experiments ORDER BY created_at DESC, id DESC")
                .mapTo(String.class)
                .list();
        return ids.stream().map(id -> find(handle, id).orElseThrow()).toList();
    }

    private static Experiment read(Handle handle, ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        ExperimentSpec spec = new ExperimentSpec(
                rs.getString("name"),
                rs.getString("mcp_id"),
                variants(handle, id),
                rs.getString("control_key"),
                metrics(handle, id),
                rs.getDouble("alpha"),
                rs.getDouble("srm_alpha"),
                rs.getInt("min_samples"),
                new SequentialSpec(rs.getString("seq_method"), rs.getDouble("seq_tau")),
                rs.getBoolean("auto_promote"));
        return new Experiment(
                id,
                spec,
                ExperimentStatus.fromWire(rs.getString("status")).orElseThrow(),
                rs.getString("salt"),
                ExperimentStore.allocation(rs.getString("allocation")),
                rs.getString("created_by"),
                Instant.parse(rs.getString("created_at")),
                instant(rs.getString("started_at")),
                stop(rs),
                ExperimentStore.proposal(
                        rs.getString("proposal_action"),
                        rs.getString("proposal_winner"),
                        rs.getString("proposal_reasons")));
    }

    private static @Nullable StopRecord stop(ResultSet rs) throws SQLException {
        String outcome = rs.getString("stop_outcome");
        if (outcome == null) {
            return null;
        }
        return new StopRecord(
                StopRecord.Outcome.fromWire(outcome).orElseThrow(),
                rs.getString("stop_winner"),
                rs.getString("stop_reason"),
                rs.getString("stop_by"),
                Instant.parse(rs.getString("stopped_at")));
    }

    private static List<VariantSpec> variants(Handle handle, String id) {
        return handle.createQuery(
                        "SELECT key, version, weight FROM ab_variants WHERE experiment_id = :id ORDER BY position")
                .bind("id", id)
                .map((rs, ctx) -> new VariantSpec(rs.getString("key"), rs.getString("version"), rs.getDouble("weight")))
                .list();
    }

    private static List<MetricSpec> metrics(Handle handle, String id) {
        return handle.createQuery("SELECT name, kind, direction, role, guardrail_threshold FROM ab_metrics"
                        + " WHERE experiment_id = :id ORDER BY position")
                .bind("id", id)
                .map((rs, ctx) -> new MetricSpec(
                        rs.getString("name"),
                        MetricKind.fromWire(rs.getString("kind")).orElseThrow(),
                        Direction.fromWire(rs.getString("direction")).orElseThrow(),
                        MetricRole.fromWire(rs.getString("role")).orElseThrow(),
                        rs.getDouble("guardrail_threshold")))
                .list();
    }

    private static @Nullable Instant instant(@Nullable String text) {
        return text == null ? null : Instant.parse(text);
    }
}
