package dev.mcpver.tools;

import static dev.mcpver.tools.FeatureCalls.guard;
import static dev.mcpver.tools.FeatureCalls.text;
import static dev.mcpver.tools.FeatureCalls.who;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.auth.Role;
import dev.mcpver.migrate.Migration;
import dev.mcpver.migrate.MigrationService;
import dev.mcpver.rollback.DeploymentId;
import java.util.List;

/** Migrations as catalog tools: planning, dry runs, execution (operator + confirmation), inspection, guides. */
public final class MigrationTools {
    private static final String DEPLOYMENT =
            "{\"type\":\"string\",\"pattern\":\"^[^/]+/[^/]+$\",\"description\":\"server/environment\"}";
    private static final String OBJECT = "{\"type\":\"object\"}";

    private MigrationTools() {}

    public static List<ToolDef> all(DeploymentFeature feature) {
        MigrationService migrations = feature.migrations();
        return List.of(
                plan(migrations),
                planGet(migrations),
                dryRun(feature),
                execute(feature),
                get(migrations),
                list(migrations),
                guide(migrations));
    }

    static ToolDef plan(MigrationService migrations) {
        return new ToolDef(
                "migration_plan",
                "Plan a migration",
                "Plans the migration of a deployment to a registered version and stores the plan (versioned):"
                        + " pre-migration checks (compatibility, rollback point, environment), migration steps (install,"
                        + " configuration, isolated start, handshake, surface comparison, smoke calls, switch, stop old),"
                        + " post-migration checks and rollback steps, with an estimated duration. Changes nothing.",
                Schemas.of("{\"type\":\"object\",\"properties\":{\"deployment\":" + DEPLOYMENT + ",\"toVersion\":"
                        + "{\"type\":\"string\"},\"options\":{\"type\":\"object\",\"description\":\"smokeCalls,"
                        + " configRenames, configSet, launch, allowBreaking, autoRollback, requireSignature,"
                        + " keepOldRunning, stepTimeoutMs, maxDurationMs, smokeLatencyThresholdMs, keepReleases\"}},"
                        + "\"required\":[\"deployment\",\"toVersion\"],\"additionalProperties\":false}"),
                Schemas.of("{\"type\":\"object\",\"required\":[\"id\",\"steps\"]}"),
                new ToolHints(false, false, false, false),
                Role.OPERATOR,
                false,
                (args, ctx) -> {
                    if (args.path("options").has("launch") && !ctx.caller().may(Role.ADMIN)) {
                        return ToolOutcome.failed(
                                "forbidden",
                                "options.launch runs a command on the host: it needs the"
                                        + " admin role (operators use the target's or the deployment's launch spec)");
                    }
                    return guard(() -> DeploymentViews.plan(migrations.plan(
                            DeploymentId.parse(text(args, "deployment")),
                            text(args, "toVersion"),
                            DeploymentJson.options(args.path("options")),
                            who(ctx))));
                });
    }

    static ToolDef planGet(MigrationService migrations) {
        return ToolDef.readOnly(
                "migration_plan_get",
                "Show a migration plan",
                "Shows a stored plan: its steps with timeouts and estimates, warnings and options.",
                Schemas.of("{\"type\":\"object\",\"properties\":{\"planId\":{\"type\":\"string\"}},\"required\":"
                        + "[\"planId\"],\"additionalProperties\":false}"),
                Schemas.of(OBJECT),
                (args, ctx) -> guard(() -> DeploymentViews.plan(migrations.plan(text(args, "planId")))));
    }

    static ToolDef dryRun(DeploymentFeature feature) {
        return new ToolDef(
                "migration_dry_run",
                "Dry-run a migration plan",
                "Runs every check of a plan that changes nothing on the deployment — installs the target into a"
                        + " scratch directory, starts it in isolation, compares its surface, makes the smoke calls —"
                        + " and reports which checks would fail. Blocks until done (typically seconds).",
                planArgs(),
                Schemas.of(OBJECT),
                new ToolHints(false, false, true, true),
                Role.OPERATOR,
                false,
                (args, ctx) -> guard(() -> {
                    Migration created = feature.migrations().start(text(args, "planId"), true, who(ctx));
                    Migration done = feature.migrations().run(created.id());
                    return DeploymentViews.migration(done, feature.migrations().steps(done.id()));
                }));
    }

    static ToolDef execute(DeploymentFeature feature) {
        return new ToolDef(
                "migration_execute",
                "Execute a migration plan",
                "Starts executing a plan: each step's status is stored before the next; on failure the deployment is"
                        + " rolled back automatically (unless the plan turned that off). Returns at once with the"
                        + " migration id; follow it with migration_get.",
                planArgs(),
                Schemas.of(OBJECT),
                new ToolHints(false, true, false, true),
                Role.OPERATOR,
                true,
                (args, ctx) -> guard(() -> {
                    Migration created = feature.migrations().start(text(args, "planId"), false, who(ctx));
                    feature.execute(created.id());
                    return DeploymentViews.migration(created, null);
                }));
    }

    static ToolDef get(MigrationService migrations) {
        return ToolDef.readOnly(
                "migration_get",
                "Show a migration",
                "Shows a migration with every step's status, duration, effects and error.",
                migrationArgs(),
                Schemas.of(OBJECT),
                (args, ctx) -> guard(() -> DeploymentViews.migration(
                        migrations.get(text(args, "migrationId")), migrations.steps(text(args, "migrationId")))));
    }

    static ToolDef list(MigrationService migrations) {
        return ToolDef.readOnly(
                "migration_list",
                "List migrations",
                "Lists migrations, newest first, of one deployment or of all.",
                Schemas.of("{\"type\":\"object\",\"properties\":{\"deployment\":" + DEPLOYMENT + ",\"limit\":{\"type\":"
                        + "\"integer\",\"minimum\":1,\"maximum\":500}},\"additionalProperties\":false}"),
                Schemas.of("{\"type\":\"object\",\"required\":[\"migrations\"]}"),
                (args, ctx) -> guard(() -> {
                    ObjectNode result = DeploymentJson.object();
                    ArrayNode array = result.putArray("migrations");
                    DeploymentId id = args.has("deployment") ? DeploymentId.parse(text(args, "deployment")) : null;
                    migrations
                            .list(id, args.path("limit").asInt(50))
                            .forEach(m -> array.add(DeploymentViews.migration(m, null)));
                    return result;
                }));
    }

    static ToolDef guide(MigrationService migrations) {
        return ToolDef.readOnly(
                "migration_guide",
                "Client migration guide",
                "Generates the guide for agents and clients moving between two versions, from the compatibility"
                        + " report: renamed tools, new required arguments, removed tools, changed outputs. Give"
                        + " migrationId, or server + fromVersion + toVersion of registered versions.",
                Schemas.of("{\"type\":\"object\",\"properties\":{\"migrationId\":{\"type\":\"string\"},\"server\":"
                        + "{\"type\":\"string\"},\"fromVersion\":{\"type\":\"string\"},\"toVersion\":{\"type\":\"string\"}},"
                        + "\"oneOf\":[{\"required\":[\"migrationId\"]},{\"required\":[\"server\",\"fromVersion\",\"toVersion\"]}],"
                        + "\"additionalProperties\":false}"),
                Schemas.of("{\"type\":\"object\",\"required\":[\"markdown\"]}"),
                (args, ctx) -> guard(() -> DeploymentViews.guide(
                        args.has("migrationId")
                                ? migrations.guide(text(args, "migrationId"))
                                : migrations.guide(
                                        text(args, "server"), text(args, "fromVersion"), text(args, "toVersion")))));
    }

    private static JsonNode planArgs() {
        return Schemas.of("{\"type\":\"object\",\"properties\":{\"planId\":{\"type\":\"string\"}},\"required\":"
                + "[\"planId\"],\"additionalProperties\":false}");
    }

    private static JsonNode migrationArgs() {
        return Schemas.of("{\"type\":\"object\",\"properties\":{\"migrationId\":{\"type\":\"string\"}},\"required\":"
                + "[\"migrationId\"],\"additionalProperties\":false}");
    }
}
