package dev.mcpver.tools;

import static dev.mcpver.tools.FeatureCalls.guard;
import static dev.mcpver.tools.FeatureCalls.text;
import static dev.mcpver.tools.FeatureCalls.who;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.auth.Role;
import dev.mcpver.migrate.MigrationException;
import dev.mcpver.migrate.TargetRelease;
import dev.mcpver.rollback.Deployment;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.DeploymentService;
import java.util.List;

/** Deployments and deployable targets as catalog tools. */
public final class DeploymentTools {
    private static final String DEPLOYMENT =
            "{\"type\":\"string\",\"pattern\":\"^[^/]+/[^/]+$\",\"description\":\"server/environment, e.g. github/production\"}";
    private static final String LAUNCH = "{\"type\":\"object\",\"description\":\"{transport: stdio|http, command, args,"
            + " url (http; may use ${port}), startupTimeoutMs}; ${release} is the release directory\"}";
    private static final String CONFIG = "{\"type\":\"array\",\"items\":{\"type\":\"object\",\"description\":"
            + "\"{name, value} or {name, secretRef: env:NAME | file:/path}\"}}";
    private static final String OBJECT = "{\"type\":\"object\"}";

    private DeploymentTools() {}

    public static List<ToolDef> all(DeploymentFeature feature) {
        return List.of(
                list(feature.deployments()),
                get(feature.deployments()),
                register(feature.deployments()),
                activate(feature),
                configure(feature.deployments()),
                probe(feature),
                registerTarget(feature),
                listTargets(feature));
    }

    static ToolDef list(DeploymentService deployments) {
        return ToolDef.readOnly(
                "deployment_list",
                "List deployments",
                "Lists deployments (one server in one environment): active version, release directory, revision,"
                        + " launch spec and configuration (secrets only as references).",
                Schemas.of("{\"type\":\"object\",\"properties\":{},\"additionalProperties\":false}"),
                Schemas.of("{\"type\":\"object\",\"required\":[\"deployments\"]}"),
                (args, ctx) -> guard(() -> {
                    ObjectNode result = DeploymentJson.object();
                    ArrayNode array = result.putArray("deployments");
                    deployments.list().forEach(d -> array.add(DeploymentViews.deployment(d)));
                    return result;
                }));
    }

    static ToolDef get(DeploymentService deployments) {
        return ToolDef.readOnly(
                "deployment_get",
                "Show a deployment",
                "Shows a deployment with its recent switches (what changed, why, by whom) and its release directories.",
                deploymentArgs(),
                Schemas.of(OBJECT),
                (args, ctx) -> guard(() -> {
                    DeploymentId id = DeploymentId.parse(text(args, "deployment"));
                    ObjectNode result = DeploymentViews.deployment(deployments.get(id));
                    ArrayNode switches = result.putArray("switches");
                    deployments.history(id, 20).forEach(s -> switches.add(DeploymentViews.switchRecord(s)));
                    ArrayNode releases = result.putArray("releases");
                    deployments.area().releaseDirs(id).forEach(releases::add);
                    return result;
                }));
    }

    static ToolDef register(DeploymentService deployments) {
        return new ToolDef(
                "deployment_register",
                "Register a deployment",
                "Registers a deployment (server + environment) with its launch spec and configuration. It runs nothing"
                        + " until a version is activated.",
                Schemas.of("{\"type\":\"object\",\"properties\":{\"server\":{\"type\":\"string\"},\"environment\":"
                        + "{\"type\":\"string\"},\"launch\":" + LAUNCH + ",\"config\":" + CONFIG + "},\"required\":"
                        + "[\"server\",\"environment\",\"launch\"],\"additionalProperties\":false}"),
                Schemas.of(OBJECT),
                new ToolHints(false, false, false, false),
                Role.ADMIN, // a launch spec or artifact location runs or reads anything on the host
                false,
                (args, ctx) -> guard(() -> DeploymentViews.deployment(deployments.register(
                        new DeploymentId(text(args, "server"), text(args, "environment")),
                        DeploymentJson.launch(args.get("launch")),
                        DeploymentJson.config(args.path("config")),
                        who(ctx)))));
    }

    static ToolDef activate(DeploymentFeature feature) {
        return new ToolDef(
                "deployment_activate",
                "Activate a version",
                "Installs a registered version (artifact digest and signature checked) and switches the deployment to"
                        + " it at once, without the migration checks. Prefer migration_plan + migration_execute for"
                        + " upgrades; use this for the first version.",
                Schemas.of(
                        "{\"type\":\"object\",\"properties\":{\"deployment\":" + DEPLOYMENT + ",\"version\":"
                                + "{\"type\":\"string\"}},\"required\":[\"deployment\",\"version\"],\"additionalProperties\":false}"),
                Schemas.of(OBJECT),
                new ToolHints(false, true, true, true),
                Role.OPERATOR,
                true,
                (args, ctx) -> guard(() -> {
                    DeploymentId id = DeploymentId.parse(text(args, "deployment"));
                    TargetRelease target = feature.targets()
                            .find(id.server(), text(args, "version"))
                            .orElseThrow(() -> new MigrationException(
                                    MigrationException.Reason.NOT_FOUND,
                                    "version " + text(args, "version") + " of " + id.server() + " is not registered"));
                    Deployment activated = feature.deployments()
                            .activate(id, target.version(), target.artifact(), target.launch(), who(ctx));
                    return DeploymentViews.deployment(activated);
                }));
    }

    static ToolDef configure(DeploymentService deployments) {
        return new ToolDef(
                "deployment_configure",
                "Change configuration",
                "Replaces a deployment's configuration and/or launch spec (a switch: recorded, audited, the process"
                        + " restarts). Secrets are given as references (env:NAME, file:/path), never as values.",
                Schemas.of("{\"type\":\"object\",\"properties\":{\"deployment\":" + DEPLOYMENT + ",\"launch\":" + LAUNCH
                        + ",\"config\":" + CONFIG + "},\"required\":[\"deployment\"],\"additionalProperties\":false}"),
                Schemas.of(OBJECT),
                new ToolHints(false, true, true, true),
                Role.ADMIN, // a launch spec or artifact location runs or reads anything on the host
                true,
                (args, ctx) -> guard(() -> DeploymentViews.deployment(deployments.configure(
                        DeploymentId.parse(text(args, "deployment")),
                        args.has("config") ? DeploymentJson.config(args.get("config")) : null,
                        args.has("launch") ? DeploymentJson.launch(args.get("launch")) : null,
                        who(ctx)))));
    }

    static ToolDef probe(DeploymentFeature feature) {
        return new ToolDef(
                "deployment_probe",
                "Probe a deployment",
                "Performs the MCP handshake with the process serving a deployment's active release and lists its"
                        + " tools: the version and surface that actually answer.",
                deploymentArgs(),
                Schemas.of(OBJECT),
                ToolHints.readOnlyOpen(),
                Role.VIEWER,
                false,
                (args, ctx) -> guard(
                        () -> DeploymentViews.surface(feature.probe(DeploymentId.parse(text(args, "deployment"))))));
    }

    static ToolDef registerTarget(DeploymentFeature feature) {
        return new ToolDef(
                "target_register",
                "Register a deployable version",
                "Registers a version of a server that deployments can migrate to: artifact (directory, archive with"
                        + " sha256, or npm spec; optional Ed25519 signature), launch spec, required environment"
                        + " variables (with renamedFrom), its MCP surface (a tools/list result) and smoke calls.",
                Schemas.of(
                        "{\"type\":\"object\",\"properties\":{\"server\":{\"type\":\"string\"},\"version\":{\"type\":"
                                + "\"string\"},\"artifact\":{\"type\":\"object\"},\"launch\":{\"type\":\"object\"},\"requiredEnv\":"
                                + "{\"type\":\"array\"},\"surface\":{\"type\":\"object\"},\"smokeCalls\":{\"type\":\"array\"}},"
                                + "\"required\":[\"server\",\"version\",\"artifact\"],\"additionalProperties\":false}"),
                Schemas.of(OBJECT),
                new ToolHints(false, false, true, false),
                Role.ADMIN, // a launch spec or artifact location runs or reads anything on the host
                false,
                (args, ctx) -> guard(() -> {
                    TargetRelease target = DeploymentJson.target(args);
                    feature.targets().register(target, who(ctx));
                    return DeploymentViews.target(target);
                }));
    }

    static ToolDef listTargets(DeploymentFeature feature) {
        return ToolDef.readOnly(
                "target_list",
                "List deployable versions",
                "Lists the registered versions of a server with their artifacts, launch specs and surfaces.",
                Schemas.of("{\"type\":\"object\",\"properties\":{\"server\":{\"type\":\"string\"}},\"required\":"
                        + "[\"server\"],\"additionalProperties\":false}"),
                Schemas.of("{\"type\":\"object\",\"required\":[\"targets\"]}"),
                (args, ctx) -> guard(() -> {
                    ObjectNode result = DeploymentJson.object();
                    ArrayNode targets = result.putArray("targets");
                    feature.targets()
                            .versions(text(args, "server"))
                            .forEach(t -> targets.add(DeploymentViews.target(t)));
                    return result;
                }));
    }

    private static JsonNode deploymentArgs() {
        return Schemas.of("{\"type\":\"object\",\"properties\":{\"deployment\":" + DEPLOYMENT + "},\"required\":"
                + "[\"deployment\"],\"additionalProperties\":false}");
    }
}
