package dev.mcpver.tools;

import static dev.mcpver.tools.FeatureCalls.guard;
import static dev.mcpver.tools.FeatureCalls.text;
import static dev.mcpver.tools.FeatureCalls.who;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.auth.Role;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.FileEntry;
import dev.mcpver.rollback.Manifest;
import dev.mcpver.rollback.RestoreOutcome;
import dev.mcpver.rollback.RollbackPoint;
import dev.mcpver.rollback.RollbackService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Rollback points as catalog tools: listing, inspecting and verifying are read-only; creating needs the operator
 * role; restoring, undoing a restore and pruning need the operator role and a human's confirmation.
 */
public final class RollbackTools {
    private static final String DEPLOYMENT =
            "{\"type\":\"string\",\"pattern\":\"^[^/]+/[^/]+$\",\"description\":\"server/environment, e.g. github/production\"}";
    private static final String OBJECT = "{\"type\":\"object\"}";

    private RollbackTools() {}

    public static List<ToolDef> all(DeploymentFeature feature) {
        RollbackService rollback = feature.rollback();
        return List.of(
                list(rollback),
                get(rollback),
                verify(rollback),
                create(rollback),
                restore(rollback),
                confirm(rollback),
                undo(rollback),
                prune(rollback),
                history(rollback));
    }

    static ToolDef list(RollbackService rollback) {
        return ToolDef.readOnly(
                "rollback_list",
                "List rollback points",
                "Lists rollback points, newest first, of one deployment or of all: id, version, manifest hash, file"
                        + " count, size, tags, creation and expiry.",
                Schemas.of("{\"type\":\"object\",\"properties\":{\"deployment\":" + DEPLOYMENT
                        + "},\"additionalProperties\":false}"),
                Schemas.of(
                        "{\"type\":\"object\",\"required\":[\"points\"],\"properties\":{\"points\":{\"type\":\"array\"}}}"),
                (args, ctx) -> guard(() -> {
                    ObjectNode result = DeploymentJson.object();
                    ArrayNode points = result.putArray("points");
                    rollback.list(deployment(args)).forEach(p -> points.add(DeploymentViews.point(p)));
                    return result;
                }));
    }

    static ToolDef get(RollbackService rollback) {
        return ToolDef.readOnly(
                "rollback_get",
                "Show a rollback point",
                "Shows one rollback point with its deployment record (launch spec, configuration with secrets as"
                        + " references) and the first 200 files of its manifest.",
                pointArgs(),
                Schemas.of(OBJECT),
                (args, ctx) -> guard(() -> {
                    RollbackPoint point = rollback.get(text(args, "pointId"));
                    ObjectNode result = DeploymentViews.point(point);
                    Manifest manifest = rollback.manifest(point.id());
                    ArrayNode files = result.putArray("manifest");
                    manifest.files().stream().limit(200).forEach(f -> files.add(file(f)));
                    return result;
                }));
    }

    private static ObjectNode file(FileEntry f) {
        ObjectNode node = DeploymentJson.object()
                .put("path", f.path())
                .put("sha256", f.sha256())
                .put("size", f.size());
        if (f.linkTarget() != null) {
            node.put("linkTarget", f.linkTarget());
        }
        return node;
    }

    static ToolDef verify(RollbackService rollback) {
        return ToolDef.readOnly(
                "rollback_verify",
                "Verify a rollback point",
                "Re-hashes every stored blob of a rollback point and reports missing or corrupted blobs by file path."
                        + " ok=false means a restore of this point would be refused.",
                pointArgs(),
                Schemas.of("{\"type\":\"object\",\"required\":[\"pointId\",\"ok\",\"problems\"]}"),
                (args, ctx) -> guard(() -> DeploymentViews.verify(rollback.verify(text(args, "pointId"), who(ctx)))));
    }

    static ToolDef create(RollbackService rollback) {
        return new ToolDef(
                "rollback_create",
                "Create a rollback point",
                "Snapshots the active release of a deployment (every file stored once by SHA-256) with its deployment"
                        + " record. Changes nothing on the deployment itself.",
                Schemas.of("{\"type\":\"object\",\"properties\":{\"deployment\":" + DEPLOYMENT + ",\"description\":"
                        + "{\"type\":\"string\",\"maxLength\":500},\"tags\":{\"type\":\"array\",\"items\":{\"type\":"
                        + "\"string\"}},\"ttlHours\":{\"type\":\"integer\",\"minimum\":1}},\"required\":[\"deployment\"],"
                        + "\"additionalProperties\":false}"),
                Schemas.of(OBJECT),
                new ToolHints(false, false, false, false),
                Role.OPERATOR,
                false,
                (args, ctx) -> guard(() -> {
                    List<String> tags = new ArrayList<>();
                    args.path("tags").forEach(t -> tags.add(t.asText()));
                    Duration ttl = args.has("ttlHours")
                            ? Duration.ofHours(args.get("ttlHours").asLong())
                            : null;
                    return DeploymentViews.point(rollback.create(
                            DeploymentId.parse(text(args, "deployment")),
                            args.path("description").asText(""),
                            tags,
                            ttl,
                            who(ctx)));
                }));
    }

    static ToolDef restore(RollbackService rollback) {
        return new ToolDef(
                "rollback_restore",
                "Restore a rollback point",
                "Restores a rollback point into a fresh release directory (every byte checked against its SHA-256) and"
                        + " switches the deployment to it atomically. The previous state stays on disk: undo with"
                        + " rollback_undo until rollback_confirm. Refused when any blob is missing or corrupted.",
                pointArgs(),
                Schemas.of(OBJECT),
                new ToolHints(false, true, false, true),
                Role.OPERATOR,
                true,
                (args, ctx) -> guard(() -> restored(rollback.restore(text(args, "pointId"), who(ctx)))));
    }

    private static JsonNode restored(RestoreOutcome outcome) {
        ObjectNode result = DeploymentJson.object();
        result.set("execution", DeploymentViews.execution(outcome.execution()));
        if (outcome instanceof RestoreOutcome.Restored restored) {
            result.put("restored", true);
            result.set("deployment", DeploymentViews.deployment(restored.deployment()));
            result.put("previousVersion", restored.previous().version());
            result.put("previousReleaseDir", restored.previous().releaseDir());
        } else {
            RestoreOutcome.Refused refused = (RestoreOutcome.Refused) outcome;
            result.put("restored", false);
            result.put("reason", refused.reason());
            result.set("problems", DeploymentViews.problems(refused.problems()));
        }
        return result;
    }

    static ToolDef confirm(RollbackService rollback) {
        return new ToolDef(
                "rollback_confirm",
                "Confirm a restore",
                "Accepts a restore: the previous state is no longer offered for undo.",
                restoreArgs(),
                Schemas.of(OBJECT),
                new ToolHints(false, false, true, false),
                Role.OPERATOR,
                false,
                (args, ctx) ->
                        guard(() -> DeploymentViews.execution(rollback.confirm(text(args, "restoreId"), who(ctx)))));
    }

    static ToolDef undo(RollbackService rollback) {
        return new ToolDef(
                "rollback_undo",
                "Undo a restore",
                "Switches a deployment back to the state before an unconfirmed restore and removes the restored"
                        + " directory.",
                restoreArgs(),
                Schemas.of(OBJECT),
                new ToolHints(false, true, false, true),
                Role.OPERATOR,
                true,
                (args, ctx) ->
                        guard(() -> DeploymentViews.execution(rollback.undo(text(args, "restoreId"), who(ctx)))));
    }

    static ToolDef prune(RollbackService rollback) {
        return new ToolDef(
                "rollback_prune",
                "Prune rollback points",
                "Applies retention (maximum points per deployment, maximum age) and deletes blobs no remaining point"
                        + " references. Points of migrations in flight and of unconfirmed restores are kept. dryRun"
                        + " lists what would go.",
                Schemas.of("{\"type\":\"object\",\"properties\":{\"deployment\":" + DEPLOYMENT + ",\"dryRun\":"
                        + "{\"type\":\"boolean\"}},\"additionalProperties\":false}"),
                Schemas.of(OBJECT),
                new ToolHints(false, true, true, false),
                Role.OPERATOR,
                true,
                (args, ctx) -> guard(() -> DeploymentViews.prune(
                        rollback.prune(deployment(args), args.path("dryRun").asBoolean(false), who(ctx)))));
    }

    static ToolDef history(RollbackService rollback) {
        return ToolDef.readOnly(
                "rollback_history",
                "Rollback execution history",
                "Lists rollback executions (create, verify, restore, confirm, undo, prune), newest first, with who"
                        + " ran them and how they ended.",
                Schemas.of("{\"type\":\"object\",\"properties\":{\"deployment\":" + DEPLOYMENT + ",\"pointId\":"
                        + "{\"type\":\"string\"},\"limit\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":500}},"
                        + "\"additionalProperties\":false}"),
                Schemas.of("{\"type\":\"object\",\"required\":[\"executions\"]}"),
                (args, ctx) -> guard(() -> {
                    ObjectNode result = DeploymentJson.object();
                    ArrayNode executions = result.putArray("executions");
                    String pointId = args.has("pointId") ? text(args, "pointId") : null;
                    rollback.history(
                                    deployment(args),
                                    pointId,
                                    args.path("limit").asInt(50))
                            .forEach(e -> executions.add(DeploymentViews.execution(e)));
                    return result;
                }));
    }

    private static JsonNode pointArgs() {
        return Schemas.of("{\"type\":\"object\",\"properties\":{\"pointId\":{\"type\":\"string\",\"minLength\":1}},"
                + "\"required\":[\"pointId\"],\"additionalProperties\":false}");
    }

    private static JsonNode restoreArgs() {
        return Schemas.of("{\"type\":\"object\",\"properties\":{\"restoreId\":{\"type\":\"string\",\"minLength\":1,"
                + "\"description\":\"the id of the restore execution\"}},\"required\":[\"restoreId\"],"
                + "\"additionalProperties\":false}");
    }

    static @Nullable DeploymentId deployment(JsonNode args) {
        return args.has("deployment")
                ? DeploymentId.parse(args.get("deployment").asText())
                : null;
    }
}
