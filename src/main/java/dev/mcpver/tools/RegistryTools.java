package dev.mcpver.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.auth.Actor;
import dev.mcpver.auth.Role;
import dev.mcpver.json.Json;
import dev.mcpver.lifecycle.SecurityScore;
import dev.mcpver.lifecycle.Stage;
import dev.mcpver.monitoring.MonitoringService;
import dev.mcpver.registry.LifecycleService;
import dev.mcpver.registry.Page;
import dev.mcpver.registry.RegistryService;
import dev.mcpver.registry.Server;
import dev.mcpver.registry.ServerQuery;
import dev.mcpver.registry.ServerVersion;
import dev.mcpver.registry.TransitionOutcome;
import dev.mcpver.signing.SigningService;
import dev.mcpver.vuln.AdvisoryHit;
import dev.mcpver.vuln.AdvisoryService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry as catalog tools: read-only lookups for the agent and MCP clients (servers, versions, gate
 * previews, signatures, vulnerabilities, alerts), plus one state-changing tool, {@code registry_transition_version},
 * that needs the operator role and a human's confirmation.
 */
public final class RegistryTools {
    private static final ObjectMapper MAPPER = Json.mapper();
    private static final String SERVER_ARG =
            "\"server\":{\"type\":\"string\",\"description\":\"server id or exact name, e.g. io.github.acme/weather\"}";
    private static final String OBJECT_OUT = "{\"type\":\"object\"}";

    private final RegistryService registry;
    private final LifecycleService lifecycle;
    private final SigningService signing;
    private final AdvisoryService advisories;
    private final MonitoringService monitoring;

    public RegistryTools(
            RegistryService registry,
            LifecycleService lifecycle,
            SigningService signing,
            AdvisoryService advisories,
            MonitoringService monitoring) {
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.signing = signing;
        this.advisories = advisories;
        this.monitoring = monitoring;
    }

    public List<ToolDef> all() {
        return List.of(
                listServers(),
                getServer(),
                listVersions(),
                getVersion(),
                checkGates(),
                verifySignatures(),
                vulnerabilities(),
                alerts(),
                transition());
    }

    ToolDef listServers() {
        return ToolDef.readOnly(
                "registry_list_servers",
                "List registered MCP servers",
                "Lists the MCP servers in mcpver's registry, by name, optionally filtered by category, tag, owner or"
                        + " a text that must occur in the name or description. Returns one page (limit, offset) and"
                        + " the total count.",
                Schemas.of("""
                        {"type":"object","additionalProperties":false,"properties":{
                          "category":{"type":"string"},"tag":{"type":"string"},"owner":{"type":"string"},
                          "query":{"type":"string"},"limit":{"type":"integer","minimum":1,"maximum":200},
                          "offset":{"type":"integer","minimum":0}}}"""),
                Schemas.of("{\"type\":\"object\",\"required\":[\"items\",\"total\"]}"),
                (args, ctx) -> {
                    Page<Server> page = registry.servers(new ServerQuery(
                            opt(args, "category"),
                            opt(args, "tag"),
                            opt(args, "owner"),
                            opt(args, "query"),
                            args.path("offset").asInt(0),
                            args.path("limit").asInt(50)));
                    ObjectNode out = MAPPER.createObjectNode();
                    out.set("items", MAPPER.valueToTree(page.items()));
                    out.put("total", page.total());
                    return ToolOutcome.ok(out);
                });
    }

    ToolDef getServer() {
        return ToolDef.readOnly(
                "registry_get_server",
                "Show one MCP server",
                "Shows a registered server's definition (launch command or URL, packages, environment variables with"
                        + " required/secret flags) and its versions, newest first, with their lifecycle stage.",
                Schemas.of("{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{" + SERVER_ARG
                        + "},\"required\":[\"server\"]}"),
                Schemas.of("{\"type\":\"object\",\"required\":[\"server\",\"versions\"]}"),
                (args, ctx) -> server(args)
                        .<ToolOutcome>map(server -> {
                            ObjectNode out = MAPPER.createObjectNode();
                            out.set("server", MAPPER.valueToTree(server));
                            out.set(
                                    "versions",
                                    MAPPER.valueToTree(registry.versions(server.id()).stream()
                                            .map(v -> Map.of(
                                                    "id",
                                                    v.id(),
                                                    "version",
                                                    v.version(),
                                                    "stage",
                                                    v.stage().wireName()))
                                            .toList()));
                            return ToolOutcome.ok(out);
                        })
                        .orElseGet(() -> serverNotFound(args)));
    }

    ToolDef listVersions() {
        return ToolDef.readOnly(
                "registry_list_versions",
                "List a server's versions",
                "Lists a server's versions newest first by SemVer precedence (not by date), optionally only those in"
                        + " one lifecycle stage, with changelog, declared bump and compatibility verdict.",
                Schemas.of("{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{" + SERVER_ARG
                        + ",\"stage\":{\"type\":\"string\",\"enum\":[\"development\",\"testing\",\"staging\","
                        + "\"production\",\"deprecated\",\"archived\"]}},\"required\":[\"server\"]}"),
                Schemas.of("{\"type\":\"object\",\"required\":[\"items\"]}"),
                (args, ctx) -> server(args)
                        .<ToolOutcome>map(server -> {
                            Optional<Stage> stage =
                                    Optional.ofNullable(opt(args, "stage")).flatMap(Stage::fromWire);
                            List<ServerVersion> versions = registry.versions(server.id()).stream()
                                    .filter(v -> stage.isEmpty() || v.stage() == stage.get())
                                    .toList();
                            return ToolOutcome.ok(MAPPER.createObjectNode().set("items", MAPPER.valueToTree(versions)));
                        })
                        .orElseGet(() -> serverNotFound(args)));
    }

    ToolDef getVersion() {
        return ToolDef.readOnly(
                "registry_get_version",
                "Show one version",
                "Shows one version of a server: stage, changelog, dependencies, artifact and its SHA-256, declared"
                        + " bump versus the previous version and the compatibility verdict, attestations, and the"
                        + " stored gate reports (newest first). The surface snapshot is left out.",
                Schemas.of("{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{" + SERVER_ARG
                        + ",\"version\":{\"type\":\"string\",\"description\":\"e.g. 1.4.0\"}},"
                        + "\"required\":[\"server\",\"version\"]}"),
                Schemas.of("{\"type\":\"object\",\"required\":[\"version\",\"attestations\",\"gateReports\"]}"),
                (args, ctx) -> version(args)
                        .<ToolOutcome>map(version -> {
                            ObjectNode out = MAPPER.createObjectNode();
                            out.set("version", MAPPER.valueToTree(version.withoutSurface()));
                            out.set("attestations", MAPPER.valueToTree(registry.attestations(version.id())));
                            out.set("gateReports", MAPPER.valueToTree(registry.gateReports(version.id())));
                            return ToolOutcome.ok(out);
                        })
                        .orElseGet(() -> versionNotFound(args)));
    }

    ToolDef checkGates() {
        return ToolDef.readOnly(
                "registry_check_gates",
                "Preview the promotion gates",
                "Runs the production promotion gates for a version without promoting it or storing anything:"
                        + " signature, artifact checksum, compatibility versus production, known vulnerabilities,"
                        + " attestations, compliance rules, and the security score (must reach "
                        + SecurityScore.THRESHOLD + "). Use it to explain why a promotion would be refused.",
                Schemas.of("{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{" + SERVER_ARG
                        + ",\"version\":{\"type\":\"string\"}},\"required\":[\"server\",\"version\"]}"),
                Schemas.of("{\"type\":\"object\",\"required\":[\"results\",\"score\",\"passed\"]}"),
                (args, ctx) -> version(args)
                        .flatMap(v -> lifecycle.checkGates(v.id(), Stage.PRODUCTION))
                        .<ToolOutcome>map(report -> ToolOutcome.ok(MAPPER.valueToTree(report)))
                        .orElseGet(() -> versionNotFound(args)));
    }

    ToolDef verifySignatures() {
        return ToolDef.readOnly(
                "registry_verify_signatures",
                "Verify a version's signatures",
                "Checks every Ed25519 signature of a version against its release manifest as it stands now; a"
                        + " signature stops verifying when any signed field (artifact hash, surface, dependencies,"
                        + " changelog, …) changed after signing or its key was revoked.",
                Schemas.of("{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{" + SERVER_ARG
                        + ",\"version\":{\"type\":\"string\"}},\"required\":[\"server\",\"version\"]}"),
                Schemas.of("{\"type\":\"object\",\"required\":[\"valid\",\"signatures\"]}"),
                (args, ctx) -> version(args)
                        .flatMap(v -> signing.verify(v.id()))
                        .<ToolOutcome>map(check -> ToolOutcome.ok(MAPPER.valueToTree(check)))
                        .orElseGet(() -> versionNotFound(args)));
    }

    ToolDef vulnerabilities() {
        return ToolDef.readOnly(
                "registry_vulnerabilities",
                "Which advisories hit which versions",
                "Matches the imported OSV advisories against every version of one server (or all servers) and its"
                        + " dependency ranges; lists only versions with at least one hit, with the fixed versions.",
                Schemas.of("{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{" + SERVER_ARG + "}}"),
                Schemas.of("{\"type\":\"object\",\"required\":[\"items\"]}"),
                (args, ctx) -> {
                    List<Server> servers;
                    if (args.hasNonNull("server")) {
                        Optional<Server> one = server(args);
                        if (one.isEmpty()) {
                            return serverNotFound(args);
                        }
                        servers = List.of(one.get());
                    } else {
                        servers = registry.servers(ServerQuery.all()).items();
                    }
                    return ToolOutcome.ok(MAPPER.createObjectNode().set("items", MAPPER.valueToTree(hits(servers))));
                });
    }

    ToolDef alerts() {
        return ToolDef.readOnly(
                "registry_alerts",
                "Current registry alerts",
                "Lists what needs attention: too many production versions of one server (sprawl), deprecated or"
                        + " archived versions still in use, unhealthy or vulnerable production versions.",
                Schemas.of("{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{}}"),
                Schemas.of("{\"type\":\"object\",\"required\":[\"items\"]}"),
                (args, ctx) -> ToolOutcome.ok(
                        MAPPER.createObjectNode().set("items", MAPPER.valueToTree(monitoring.alerts()))));
    }

    ToolDef transition() {
        return new ToolDef(
                "registry_transition_version",
                "Move a version to another lifecycle stage",
                "Moves a version along the lifecycle (development → testing → staging → production → deprecated →"
                        + " archived, with a few steps back). Promotion to production runs every gate and is refused"
                        + " with the full report when one fails. Changes state: propose it and let a human confirm.",
                Schemas.of("{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{" + SERVER_ARG
                        + ",\"version\":{\"type\":\"string\"},\"to\":{\"type\":\"string\",\"enum\":[\"development\","
                        + "\"testing\",\"staging\",\"production\",\"deprecated\",\"archived\"]}},"
                        + "\"required\":[\"server\",\"version\",\"to\"]}"),
                Schemas.of(OBJECT_OUT),
                new ToolHints(false, false, false, false),
                Role.OPERATOR,
                true,
                (args, ctx) -> version(args)
                        .map(v -> transition(
                                v,
                                Stage.fromWire(args.get("to").asText()).orElseThrow(),
                                new Actor(ctx.caller(), ctx.requestId())))
                        .orElseGet(() -> versionNotFound(args)));
    }

    private ToolOutcome transition(ServerVersion version, Stage to, Actor actor) {
        TransitionOutcome outcome = lifecycle.transition(version.id(), to, null, actor);
        if (outcome instanceof TransitionOutcome.Moved moved) {
            ObjectNode out = MAPPER.createObjectNode();
            out.set("version", MAPPER.valueToTree(moved.version().withoutSurface()));
            out.set("gateReport", MAPPER.valueToTree(moved.report()));
            return ToolOutcome.ok(out);
        }
        if (outcome instanceof TransitionOutcome.NotAllowed no) {
            return ToolOutcome.failed(
                    "conflict",
                    "cannot move from " + no.from() + " to " + no.to() + "; allowed next states: " + no.allowedNext());
        }
        if (outcome instanceof TransitionOutcome.Forbidden forbidden) {
            return ToolOutcome.failed(
                    "forbidden",
                    "this move needs the " + forbidden.transition().role().wireName() + " role");
        }
        if (outcome instanceof TransitionOutcome.GatesFailed failed) {
            return ToolOutcome.failed(
                    "gates_failed",
                    "refused by " + failed.report().failedGates() + " (score "
                            + failed.report().score() + "): "
                            + failed.report().results().stream()
                                    .filter(r -> r.failed())
                                    .map(r -> r.gate() + ": " + r.detail())
                                    .toList());
        }
        return ToolOutcome.failed("conflict", "the version changed meanwhile; read it again");
    }

    private List<Map<String, Object>> hits(List<Server> servers) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Server server : servers) {
            for (ServerVersion version : registry.versions(server.id())) {
                List<AdvisoryHit> hits = advisories.hits(server, version);
                if (!hits.isEmpty()) {
                    rows.add(Map.of(
                            "server",
                            server.name(),
                            "version",
                            version.version(),
                            "stage",
                            version.stage().wireName(),
                            "hits",
                            hits));
                }
            }
        }
        return rows;
    }

    private Optional<Server> server(JsonNode args) {
        return registry.serverByIdOrName(args.path("server").asText());
    }

    private Optional<ServerVersion> version(JsonNode args) {
        return server(args)
                .flatMap(s -> registry.version(s.id(), args.path("version").asText()));
    }

    private static ToolOutcome serverNotFound(JsonNode args) {
        return ToolOutcome.failed(
                "not_found",
                "no server with id or name " + args.path("server").asText() + "; registry_list_servers lists them");
    }

    private static ToolOutcome versionNotFound(JsonNode args) {
        return ToolOutcome.failed(
                "not_found",
                "no version " + args.path("version").asText() + " of server "
                        + args.path("server").asText() + "; registry_list_versions lists them");
    }

    private static @org.jspecify.annotations.Nullable String opt(JsonNode args, String name) {
        return args.hasNonNull(name) && !args.get(name).asText().isBlank()
                ? args.get(name).asText()
                : null;
    }
}
