package dev.mcpver.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.auth.Actor;
import dev.mcpver.auth.Role;
import dev.mcpver.lifecycle.GateReport;
import dev.mcpver.lifecycle.Stage;
import dev.mcpver.registry.Attestation;
import dev.mcpver.registry.LifecycleService;
import dev.mcpver.registry.Page;
import dev.mcpver.registry.Registration;
import dev.mcpver.registry.RegistryService;
import dev.mcpver.registry.Server;
import dev.mcpver.registry.ServerQuery;
import dev.mcpver.registry.ServerSpec;
import dev.mcpver.registry.ServerVersion;
import dev.mcpver.registry.ServerWrite;
import dev.mcpver.registry.TransitionOutcome;
import dev.mcpver.registry.VersionSpec;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The registry and lifecycle API: servers, their versions, stage transitions (with gates), attestations and gate
 * reports. Reads need the viewer role, writes the operator role; transitions need whatever the lifecycle table says.
 */
public final class RegistryRoutes implements RouteGroup {
    private final RegistryService registry;
    private final LifecycleService lifecycle;
    private final Access access;

    public RegistryRoutes(RegistryService registry, LifecycleService lifecycle, Access access) {
        this.registry = registry;
        this.lifecycle = lifecycle;
        this.access = access;
    }

    /** Body of {@code POST /api/v1/versions/{id}/transition}. */
    record TransitionRequest(
            @JsonProperty("to") String to,
            @JsonProperty("expectedRevision") @Nullable Long expectedRevision) {
        TransitionRequest {
            Objects.requireNonNull(
                    to, "to is required (a stage: development, testing, staging, production, deprecated, archived)");
            stage(to);
        }

        static Stage stage(String text) {
            return Stage.fromWire(text)
                    .orElseThrow(() -> new IllegalArgumentException("to: \"" + text + "\" is not a stage (development,"
                            + " testing, staging, production, deprecated, archived)"));
        }
    }

    /** Body of {@code POST /api/v1/versions/{id}/attestations}. */
    record AttestRequest(
            @JsonProperty("kind") String kind,
            @JsonProperty("value") JsonNode value) {
        AttestRequest {
            Attestation.requireValid(kind, value);
        }
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/v1/servers", this::createServer);
        routes.get("/api/v1/servers", this::listServers);
        routes.get("/api/v1/servers/{id}", this::getServer);
        routes.put("/api/v1/servers/{id}", this::updateServer);
        routes.post("/api/v1/servers/{id}/versions", this::register);
        routes.get("/api/v1/servers/{id}/versions", this::listVersions);
        routes.get("/api/v1/servers/{id}/versions/{version}", this::getVersionByNumber);
        routes.get("/api/v1/versions/{versionId}", this::getVersion);
        routes.post("/api/v1/versions/{versionId}/transition", this::transition);
        routes.get("/api/v1/versions/{versionId}/gates", this::gateReports);
        routes.post("/api/v1/versions/{versionId}/gates/check", this::checkGates);
        routes.post("/api/v1/versions/{versionId}/attestations", this::attest);
        routes.get("/api/v1/versions/{versionId}/attestations", this::attestations);
        routes.get("/api/v1/lifecycle", this::table);
    }

    private Actor actor(Context ctx, Role role) {
        return new Actor(access.require(ctx, role), RequestIds.of(ctx));
    }

    private void createServer(Context ctx) {
        Actor actor = actor(ctx, Role.OPERATOR);
        ServerWrite outcome = registry.createServer(Requests.body(ctx, ServerSpec.class), actor);
        answer(ctx, outcome);
    }

    private void updateServer(Context ctx) {
        Actor actor = actor(ctx, Role.OPERATOR);
        long expected = ifMatch(ctx);
        ServerWrite outcome =
                registry.updateServer(ctx.pathParam("id"), Requests.body(ctx, ServerSpec.class), expected, actor);
        answer(ctx, outcome);
    }

    private void answer(Context ctx, ServerWrite outcome) {
        if (outcome instanceof ServerWrite.Saved saved) {
            ctx.header("ETag", etag(saved.server().revision()));
            ctx.status(saved.created() ? 201 : 200).json(saved.server());
        } else if (outcome instanceof ServerWrite.NameTaken taken) {
            throw Problem.of(409, "name-taken", "Conflict", "a server named " + taken.name() + " exists already")
                    .toException();
        } else if (outcome instanceof ServerWrite.Stale stale) {
            throw Problem.of(
                            412,
                            "stale-revision",
                            "Precondition Failed",
                            "server " + stale.id() + " is at revision " + stale.currentRevision() + ", not "
                                    + stale.expectedRevision() + ": re-read it and retry")
                    .with("currentRevision", stale.currentRevision())
                    .toException();
        } else {
            throw serverNotFound(((ServerWrite.NotFound) outcome).id());
        }
    }

    private void listServers(Context ctx) {
        access.require(ctx, Role.VIEWER);
        ServerQuery query = new ServerQuery(
                Queries.text(ctx, "category").orElse(null),
                Queries.text(ctx, "tag").orElse(null),
                Queries.text(ctx, "owner").orElse(null),
                Queries.text(ctx, "q").orElse(null),
                Queries.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE),
                Queries.intParam(ctx, "limit", 50, 1, ServerQuery.MAX_LIMIT));
        Page<Server> page = registry.servers(query);
        ctx.json(page(page.items(), page));
    }

    private void getServer(Context ctx) {
        access.require(ctx, Role.VIEWER);
        Server server = server(ctx.pathParam("id"));
        ctx.header("ETag", etag(server.revision()));
        ctx.json(server);
    }

    private void register(Context ctx) {
        Actor actor = actor(ctx, Role.OPERATOR);
        Registration outcome = registry.register(ctx.pathParam("id"), Requests.body(ctx, VersionSpec.class), actor);
        if (outcome instanceof Registration.Registered registered) {
            ctx.status(201).json(registered.version().withoutSurface());
        } else if (outcome instanceof Registration.Duplicate duplicate) {
            throw Problem.of(
                            409,
                            "duplicate-version",
                            "Conflict",
                            "server " + duplicate.serverId() + " already has" + " version " + duplicate.existing()
                                    + " (build metadata does not make versions distinct)")
                    .toException();
        } else {
            throw serverNotFound(ctx.pathParam("id"));
        }
    }

    private void listVersions(Context ctx) {
        access.require(ctx, Role.VIEWER);
        Server server = server(ctx.pathParam("id"));
        Optional<Stage> stage = Queries.text(ctx, "stage").map(TransitionRequest::stage);
        List<ServerVersion> all = registry.versions(server.id()).stream()
                .filter(v -> stage.isEmpty() || v.stage() == stage.get())
                .toList();
        Page<ServerVersion> page = Page.of(
                all,
                Queries.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE),
                Queries.intParam(ctx, "limit", 50, 1, ServerQuery.MAX_LIMIT));
        ctx.json(page(page.items(), page));
    }

    private void getVersionByNumber(Context ctx) {
        access.require(ctx, Role.VIEWER);
        Server server = server(ctx.pathParam("id"));
        String number = ctx.pathParam("version");
        ServerVersion version = registry.version(server.id(), number)
                .orElseThrow(() -> notFound("server " + server.name() + " has no version " + number));
        ctx.json(version);
    }

    private void getVersion(Context ctx) {
        access.require(ctx, Role.VIEWER);
        ctx.json(version(ctx.pathParam("versionId")));
    }

    private void transition(Context ctx) {
        Actor actor = actor(ctx, Role.OPERATOR);
        TransitionRequest request = Requests.body(ctx, TransitionRequest.class);
        String id = ctx.pathParam("versionId");
        TransitionOutcome outcome =
                lifecycle.transition(id, TransitionRequest.stage(request.to()), request.expectedRevision(), actor);
        if (outcome instanceof TransitionOutcome.Moved moved) {
            Map<String, @Nullable Object> body = new LinkedHashMap<>();
            body.put("version", moved.version().withoutSurface());
            body.put("gateReport", moved.report());
            ctx.json(body);
            return;
        }
        throw problem(id, outcome);
    }

    private ProblemException problem(String id, TransitionOutcome outcome) {
        if (outcome instanceof TransitionOutcome.NotAllowed no) {
            List<String> next = no.allowedNext().stream().map(Stage::wireName).toList();
            return Problem.of(
                            409,
                            "invalid-transition",
                            "Conflict",
                            "a version cannot move from "
                                    + no.from().wireName() + " to " + no.to().wireName() + "; allowed next states: "
                                    + (next.isEmpty()
                                            ? "none (" + no.from().wireName() + " is final)"
                                            : String.join(", ", next)))
                    .with("currentState", no.from().wireName())
                    .with("allowedNextStates", next)
                    .toException();
        }
        if (outcome instanceof TransitionOutcome.Forbidden forbidden) {
            return Problem.of(
                            403,
                            "forbidden",
                            "Forbidden",
                            "moving a version from "
                                    + forbidden.transition().from().wireName() + " to "
                                    + forbidden.transition().to().wireName()
                                    + " needs the "
                                    + forbidden.transition().role().wireName() + " role; the caller has "
                                    + forbidden.callerRole().wireName())
                    .toException();
        }
        if (outcome instanceof TransitionOutcome.GatesFailed failed) {
            GateReport report = failed.report();
            return Problem.of(
                            422,
                            "gates-failed",
                            "Unprocessable Content",
                            "promotion refused by " + String.join(", ", report.failedGates()) + " (security score "
                                    + report.score() + ")")
                    .with("report", report)
                    .toException();
        }
        if (outcome instanceof TransitionOutcome.Conflict conflict) {
            return Problem.of(
                            409,
                            "concurrent-modification",
                            "Conflict",
                            "version " + id + " changed meanwhile"
                                    + " (revision " + conflict.currentRevision() + ", expected "
                                    + conflict.expectedRevision()
                                    + "): re-read it and retry if the move is still wanted")
                    .with("currentRevision", conflict.currentRevision())
                    .toException();
        }
        return notFound("no version with id " + id);
    }

    private void gateReports(Context ctx) {
        access.require(ctx, Role.VIEWER);
        ServerVersion version = version(ctx.pathParam("versionId"));
        ctx.json(Map.of("items", registry.gateReports(version.id())));
    }

    private void checkGates(Context ctx) {
        access.require(ctx, Role.VIEWER);
        Stage target = TransitionRequest.stage(Queries.text(ctx, "target").orElse("production"));
        String id = ctx.pathParam("versionId");
        ctx.json(lifecycle.checkGates(id, target).orElseThrow(() -> notFound("no version with id " + id)));
    }

    private void attest(Context ctx) {
        Actor actor = actor(ctx, Role.OPERATOR);
        AttestRequest request = Requests.body(ctx, AttestRequest.class);
        String id = ctx.pathParam("versionId");
        Attestation attestation = registry.attest(id, request.kind(), request.value(), actor)
                .orElseThrow(() -> notFound("no version with id " + id));
        ctx.status(201).json(attestation);
    }

    private void attestations(Context ctx) {
        access.require(ctx, Role.VIEWER);
        ServerVersion version = version(ctx.pathParam("versionId"));
        ctx.json(Map.of("items", registry.attestations(version.id())));
    }

    private void table(Context ctx) {
        access.require(ctx, Role.VIEWER);
        ctx.json(Map.of(
                "initial",
                lifecycle.policy().initial(),
                "transitions",
                lifecycle.policy().transitions(),
                "gates",
                lifecycle.gates().stream()
                        .map(g -> Map.of("name", g.name(), "weight", g.weight()))
                        .toList(),
                "scoreThreshold",
                dev.mcpver.lifecycle.SecurityScore.THRESHOLD));
    }

    private Server server(String id) {
        return registry.server(id).orElseThrow(() -> serverNotFound(id));
    }

    private ServerVersion version(String id) {
        return registry.version(id).orElseThrow(() -> notFound("no version with id " + id));
    }

    private static Map<String, Object> page(List<?> items, Page<?> page) {
        return Map.of("items", items, "total", page.total(), "offset", page.offset(), "limit", page.limit());
    }

    private static long ifMatch(Context ctx) {
        String header = ctx.header("If-Match");
        if (header == null || header.isBlank()) {
            throw Problem.of(
                            428,
                            "precondition-required",
                            "Precondition Required",
                            "send If-Match with the revision you read (the ETag of GET /api/v1/servers/{id})")
                    .toException();
        }
        try {
            return Long.parseLong(header.strip().replace("W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw Problem.badRequest("invalid-header", "Invalid If-Match", "If-Match must be a revision such as \"3\"")
                    .toException();
        }
    }

    private static String etag(long revision) {
        return "\"" + revision + "\"";
    }

    private static ProblemException serverNotFound(String id) {
        return notFound("no server with id " + id);
    }

    static ProblemException notFound(String detail) {
        return Problem.of(404, "not-found", "Not Found", detail).toException();
    }
}
