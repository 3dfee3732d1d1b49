package dev.mcpver.tools;

import static dev.mcpver.tools.FeatureCalls.guard;
import static dev.mcpver.tools.FeatureCalls.text;
import static dev.mcpver.tools.FeatureCalls.who;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.auth.Role;
import dev.mcpver.migrate.CanaryDecision;
import dev.mcpver.migrate.UpdateService;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/** Automated updates as catalog tools: scheduling and deciding need the operator role and a confirmation. */
public final class UpdateTools {
    private static final String OBJECT = "{\"type\":\"object\"}";
    private static final String UPDATE_ID = "{\"type\":\"object\",\"properties\":{\"updateId\":{\"type\":\"string\"}},"
            + "\"required\":[\"updateId\"],\"additionalProperties\":false}";

    private UpdateTools() {}

    public static List<ToolDef> all(DeploymentFeature feature) {
        UpdateService updates = feature.updates();
        return List.of(schedule(updates), list(updates), get(updates), cancel(updates), decide(feature));
    }

    static ToolDef schedule(UpdateService updates) {
        return new ToolDef(
                "update_schedule",
                "Schedule an automated update",
                "Schedules an update of one or more deployments to a registered version: strategy immediate | rolling |"
                        + " blue_green | canary, when (runAt, default now), the validation checks that must gate the"
                        + " switch (handshake, surface, smoke, health, latency, compat) and the rollback policy"
                        + " (automatic_rollback must be true). Invalid requests are refused with every reason.",
                Schemas.of("{\"type\":\"object\",\"properties\":{\"deployment\":{\"type\":\"string\"},\"deployments\":"
                        + "{\"type\":\"array\",\"items\":{\"type\":\"string\"}},\"toVersion\":{\"type\":\"string\"},"
                        + "\"strategy\":{\"type\":\"string\"},\"runAt\":{\"type\":\"string\"},\"validationChecks\":"
                        + "{\"type\":\"array\",\"items\":{\"type\":\"string\"}},\"rollbackPolicy\":{\"type\":\"object\"},"
                        + "\"blueGreen\":{\"type\":\"object\"},\"canary\":{\"type\":\"object\"},\"options\":{\"type\":"
                        + "\"object\"}},\"required\":[\"toVersion\"],\"additionalProperties\":false}"),
                Schemas.of(OBJECT),
                new ToolHints(false, true, false, true),
                Role.OPERATOR,
                true,
                (args, ctx) -> {
                    if (args.path("options").has("launch") && !ctx.caller().may(Role.ADMIN)) {
                        return ToolOutcome.failed(
                                "forbidden", "options.launch runs a command on the host: it needs the" + " admin role");
                    }
                    return guard(() -> DeploymentViews.update(updates.schedule(
                            DeploymentJson.update(args, Clock.systemUTC().instant()), who(ctx))));
                });
    }

    static ToolDef list(UpdateService updates) {
        return ToolDef.readOnly(
                "update_list",
                "List automated updates",
                "Lists automated updates, newest first, with their status and the migrations they ran.",
                Schemas.of("{\"type\":\"object\",\"properties\":{\"limit\":{\"type\":\"integer\",\"minimum\":1,"
                        + "\"maximum\":500}},\"additionalProperties\":false}"),
                Schemas.of("{\"type\":\"object\",\"required\":[\"updates\"]}"),
                (args, ctx) -> guard(() -> {
                    ObjectNode result = DeploymentJson.object();
                    ArrayNode array = result.putArray("updates");
                    updates.list(args.path("limit").asInt(50)).forEach(u -> array.add(DeploymentViews.update(u)));
                    return result;
                }));
    }

    static ToolDef get(UpdateService updates) {
        return ToolDef.readOnly(
                "update_get",
                "Show an automated update",
                "Shows one automated update.",
                Schemas.of(UPDATE_ID),
                Schemas.of(OBJECT),
                (args, ctx) -> guard(() -> DeploymentViews.update(updates.get(text(args, "updateId")))));
    }

    static ToolDef cancel(UpdateService updates) {
        return new ToolDef(
                "update_cancel",
                "Cancel an automated update",
                "Cancels an update that is still scheduled, or a canary awaiting its verdict (its process stops).",
                Schemas.of(UPDATE_ID),
                Schemas.of(OBJECT),
                new ToolHints(false, false, true, true),
                Role.OPERATOR,
                false,
                (args, ctx) -> guard(() -> DeploymentViews.update(updates.cancel(text(args, "updateId"), who(ctx)))));
    }

    static ToolDef decide(DeploymentFeature feature) {
        return new ToolDef(
                "update_decide",
                "Decide a canary",
                "Records the verdict of a canary update awaiting one: promote (the full migration runs) or rollback"
                        + " (the canary stops). The A/B feature will decide from its experiment instead.",
                Schemas.of("{\"type\":\"object\",\"properties\":{\"updateId\":{\"type\":\"string\"},\"decision\":"
                        + "{\"enum\":[\"promote\",\"rollback\"]},\"reason\":{\"type\":\"string\"}},\"required\":"
                        + "[\"updateId\",\"decision\"],\"additionalProperties\":false}"),
                Schemas.of(OBJECT),
                new ToolHints(false, true, false, true),
                Role.OPERATOR,
                true,
                (args, ctx) -> guard(() -> {
                    feature.decideCanary(
                            text(args, "updateId"),
                            CanaryDecision.Verdict.valueOf(
                                    text(args, "decision").toUpperCase(Locale.ROOT)),
                            args.has("reason") ? text(args, "reason") : null,
                            who(ctx));
                    return DeploymentViews.update(feature.updates().get(text(args, "updateId")));
                }));
    }
}
