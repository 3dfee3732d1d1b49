package dev.mcpver.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.migrate.Migration;
import dev.mcpver.migrate.MigrationEvent;
import dev.mcpver.migrate.MigrationGuide;
import dev.mcpver.migrate.MigrationPlan;
import dev.mcpver.migrate.PlannedStep;
import dev.mcpver.migrate.ServerSurface;
import dev.mcpver.migrate.StepRun;
import dev.mcpver.migrate.TargetRelease;
import dev.mcpver.migrate.ToolShape;
import dev.mcpver.migrate.UpdateJob;
import dev.mcpver.rollback.ConfigEntry;
import dev.mcpver.rollback.Deployment;
import dev.mcpver.rollback.DeploymentState;
import dev.mcpver.rollback.Execution;
import dev.mcpver.rollback.FileProblem;
import dev.mcpver.rollback.LaunchSpec;
import dev.mcpver.rollback.PruneReport;
import dev.mcpver.rollback.RollbackPoint;
import dev.mcpver.rollback.SwitchRecord;
import dev.mcpver.rollback.VerifyReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes of deployments, rollback points and migrations, shared by the HTTP API, the CLI and the tools.
 * Enum values are lower-case wire names; secrets appear only as references.
 */
public final class DeploymentViews {
    private DeploymentViews() {}

    public static ObjectNode deployment(Deployment d) {
        ObjectNode node = DeploymentJson.object();
        node.put("deployment", d.id().toString());
        node.put("server", d.id().server());
        node.put("environment", d.id().environment());
        node.put("revision", d.revision());
        node.put("createdAt", d.createdAt().toString());
        node.put("updatedAt", d.updatedAt().toString());
        state(node, d.state());
        return node;
    }

    static void state(ObjectNode node, DeploymentState state) {
        node.put("version", state.version());
        node.put("releaseDir", state.releaseDir());
        node.set("launch", launch(state.launch()));
        ArrayNode config = node.putArray("config");
        state.config().forEach(entry -> config.add(config(entry)));
    }

    public static ObjectNode launch(LaunchSpec launch) {
        ObjectNode node = DeploymentJson.object();
        node.put("transport", launch.transport().wireName());
        node.put("command", launch.command());
        ArrayNode args = node.putArray("args");
        launch.args().forEach(args::add);
        node.put("url", launch.url());
        node.put("startupTimeoutMs", launch.startupTimeoutMs());
        return node;
    }

    static ObjectNode config(ConfigEntry entry) {
        ObjectNode node = DeploymentJson.object();
        node.put("name", entry.name());
        if (entry.holdsSecret()) {
            node.put("secretRef", entry.secretRef());
        } else {
            node.put("value", entry.value());
        }
        return node;
    }

    public static ObjectNode switchRecord(SwitchRecord record) {
        ObjectNode node = DeploymentJson.object();
        node.put("revision", record.revision());
        node.put("fromVersion", record.before().version());
        node.put("toVersion", record.after().version());
        node.put("toReleaseDir", record.after().releaseDir());
        node.put("cause", record.cause().toString());
        node.put("by", record.subject());
        node.put("at", record.at().toString());
        return node;
    }

    public static ObjectNode point(RollbackPoint p) {
        ObjectNode node = DeploymentJson.object();
        node.put("id", p.id());
        node.put("deployment", p.deployment().toString());
        node.put("version", p.version());
        node.put("releaseDir", p.state().releaseDir());
        node.put("manifestHash", p.manifestHash());
        node.put("files", p.fileCount());
        node.put("bytes", p.totalBytes());
        node.put("description", p.description());
        ArrayNode tags = node.putArray("tags");
        p.tags().forEach(tags::add);
        node.put("createdAt", p.createdAt().toString());
        node.put("expiresAt", text(p.expiresAt()));
        ObjectNode record = node.putObject("record");
        state(record, p.state());
        return node;
    }

    public static ObjectNode verify(VerifyReport report) {
        ObjectNode node = DeploymentJson.object();
        node.put("pointId", report.pointId());
        node.put("ok", report.ok());
        node.put("manifestHash", report.manifestHash());
        node.put("manifestIntact", report.manifestIntact());
        node.put("checkedBlobs", report.checkedFiles());
        node.set("problems", problems(report.problems()));
        return node;
    }

    static ArrayNode problems(List<FileProblem> problems) {
        ArrayNode array = DeploymentJson.array();
        for (FileProblem problem : problems) {
            ObjectNode item = array.addObject();
            item.put("path", problem.path());
            item.put("sha256", problem.sha256());
            item.put("kind", problem.kind().name().toLowerCase(java.util.Locale.ROOT));
            item.put("detail", problem.detail());
        }
        return array;
    }

    public static ObjectNode execution(Execution e) {
        ObjectNode node = DeploymentJson.object();
        node.put("id", e.id());
        node.put("kind", e.kind().wireName());
        node.put("status", e.status().wireName());
        node.put("pointId", e.pointId());
        node.put("deployment", e.deployment() == null ? null : e.deployment().toString());
        node.put("by", e.initiator().subject());
        node.put("requestId", e.initiator().requestId());
        node.put("startedAt", e.startedAt().toString());
        node.put("finishedAt", text(e.finishedAt()));
        ObjectNode detail = node.putObject("detail");
        e.detail().forEach(detail::put);
        return node;
    }

    public static ObjectNode prune(PruneReport report) {
        ObjectNode node = DeploymentJson.object();
        node.put("dryRun", report.dryRun());
        ArrayNode removed = node.putArray("removed");
        for (PruneReport.Removed r : report.removed()) {
            ObjectNode item = removed.addObject();
            item.put("pointId", r.pointId());
            item.put("deployment", r.deployment().toString());
            item.put("version", r.version());
            item.put("reason", r.reason());
        }
        node.put("blobsDeleted", report.blobsDeleted());
        node.put("bytesFreed", report.bytesFreed());
        return node;
    }

    public static ObjectNode target(TargetRelease t) {
        ObjectNode node = DeploymentJson.object();
        node.put("server", t.server());
        node.put("version", t.version());
        ObjectNode artifact = node.putObject("artifact");
        artifact.put("kind", t.artifact().kind().wireName());
        artifact.put("location", t.artifact().location());
        artifact.put("sha256", t.artifact().sha256());
        artifact.put("signed", t.artifact().signature() != null);
        node.set("launch", t.launch() == null ? null : launch(t.launch()));
        ArrayNode env = node.putArray("requiredEnv");
        t.requiredEnv()
                .forEach(r -> env.addObject()
                        .put("name", r.name())
                        .put("renamedFrom", r.renamedFrom())
                        .put("defaultValue", r.defaultValue()));
        node.set("surface", t.surface() == null ? null : surface(t.surface()));
        node.put("smokeCalls", t.smokeCalls().size());
        return node;
    }

    public static ObjectNode surface(ServerSurface surface) {
        ObjectNode node = DeploymentJson.object();
        node.put("serverName", surface.serverName());
        node.put("serverVersion", surface.serverVersion());
        node.put("protocolVersion", surface.protocolVersion());
        node.put("contractHash", surface.contractHash());
        ArrayNode tools = node.putArray("tools");
        for (ToolShape tool : surface.tools()) {
            tools.addObject().put("name", tool.name()).put("readOnly", tool.readOnly());
        }
        return node;
    }

    public static ObjectNode plan(MigrationPlan plan) {
        ObjectNode node = DeploymentJson.object();
        node.put("id", plan.id());
        node.put("planVersion", plan.planVersion());
        node.put("deployment", plan.deployment().toString());
        node.put("fromVersion", plan.fromVersion());
        node.put("toVersion", plan.toVersion());
        node.put("sourceRevision", plan.sourceRevision());
        node.put("estimatedDurationMs", plan.estimatedDurationMs());
        node.put("estimatedRollbackMs", plan.estimatedRollbackMs());
        node.put("createdAt", plan.createdAt().toString());
        ArrayNode warnings = node.putArray("warnings");
        plan.warnings().forEach(warnings::add);
        ArrayNode steps = node.putArray("steps");
        for (PlannedStep step : plan.steps()) {
            steps.addObject()
                    .put("index", step.index())
                    .put("phase", step.phase().wireName())
                    .put("kind", step.kind().wireName())
                    .put("description", step.description())
                    .put("timeoutMs", step.timeoutMs())
                    .put("estimatedMs", step.estimatedMs());
        }
        ObjectNode options = node.putObject("options");
        options.put("allowBreaking", plan.options().allowBreaking());
        options.put("autoRollback", plan.options().autoRollback());
        options.put("keepOldRunning", plan.options().keepOldRunning());
        options.put("smokeCalls", plan.smokeCalls().size());
        options.put("maxDurationMs", plan.options().maxDurationMs());
        return node;
    }

    public static ObjectNode migration(Migration m, @Nullable List<StepRun> steps) {
        ObjectNode node = DeploymentJson.object();
        node.put("id", m.id());
        node.put("planId", m.planId());
        node.put("deployment", m.deployment().toString());
        node.put("fromVersion", m.fromVersion());
        node.put("toVersion", m.toVersion());
        node.put("dryRun", m.dryRun());
        node.put("status", m.status().wireName());
        node.put("currentStep", m.currentStep());
        node.put("cause", m.cause());
        node.put("rollbackPointId", m.rollbackPointId());
        node.put("by", m.initiator().subject());
        node.put("createdAt", m.createdAt().toString());
        node.put("startedAt", text(m.startedAt()));
        node.put("finishedAt", text(m.finishedAt()));
        if (steps != null) {
            ArrayNode array = node.putArray("steps");
            steps.forEach(s -> array.add(step(s)));
        }
        return node;
    }

    static ObjectNode step(StepRun s) {
        ObjectNode node = DeploymentJson.object();
        node.put("index", s.index());
        node.put("phase", s.phase().wireName());
        node.put("kind", s.kind().wireName());
        node.put("status", s.status().wireName());
        node.put("startedAt", text(s.startedAt()));
        node.put("finishedAt", text(s.finishedAt()));
        node.put("durationMs", s.durationMs());
        node.put("error", s.error());
        ObjectNode effects = node.putObject("effects");
        s.effects().forEach(effects::put);
        return node;
    }

    public static ObjectNode event(MigrationEvent e) {
        ObjectNode node = DeploymentJson.object();
        node.put("migrationId", e.migrationId());
        node.put("seq", e.seq());
        node.put("at", e.at().toString());
        node.put("type", e.type());
        ObjectNode data = node.putObject("data");
        e.data().forEach(data::put);
        return node;
    }

    public static ObjectNode guide(MigrationGuide g) {
        ObjectNode node = DeploymentJson.object();
        node.put("server", g.server());
        node.put("fromVersion", g.fromVersion());
        node.put("toVersion", g.toVersion());
        node.put("requiredBump", g.requiredBump());
        node.put("edits", g.edits());
        Map<String, List<MigrationGuide.Item>> sections = Map.of(
                "renames",
                g.renames(),
                "newRequiredArguments",
                g.newRequiredArguments(),
                "removedTools",
                g.removedTools(),
                "changedOutputs",
                g.changedOutputs(),
                "otherChanges",
                g.otherChanges());
        for (String name :
                List.of("renames", "newRequiredArguments", "removedTools", "changedOutputs", "otherChanges")) {
            ArrayNode items = node.putArray(name);
            sections.getOrDefault(name, List.of())
                    .forEach(i -> items.addObject()
                            .put("tool", i.tool())
                            .put("change", i.change())
                            .put("action", i.action()));
        }
        node.put("markdown", g.markdown());
        return node;
    }

    public static ObjectNode update(UpdateJob job) {
        ObjectNode node = DeploymentJson.object();
        node.put("id", job.id());
        node.put("status", job.status().wireName());
        node.put("strategy", job.request().strategy().wireName());
        ArrayNode deployments = node.putArray("deployments");
        job.request().deployments().forEach(d -> deployments.add(d.toString()));
        node.put("toVersion", job.request().toVersion());
        node.put("runAt", job.request().runAt().toString());
        ArrayNode checks = node.putArray("validationChecks");
        job.request().validationChecks().forEach(checks::add);
        node.putObject("rollbackPolicy").put("automatic_rollback", job.request().automaticRollback());
        node.put("cause", job.cause());
        ArrayNode migrations = node.putArray("migrations");
        job.migrationIds().forEach(migrations::add);
        node.put("experimentId", job.experimentId());
        node.put("deadline", text(job.deadline()));
        node.put("by", job.initiator().subject());
        node.put("createdAt", job.createdAt().toString());
        node.put("updatedAt", job.updatedAt().toString());
        return node;
    }

    private static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
