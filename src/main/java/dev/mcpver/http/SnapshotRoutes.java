package dev.mcpver.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.auth.Role;
import dev.mcpver.snapshot.LaunchRequest;
import dev.mcpver.snapshot.SnapshotException;
import dev.mcpver.snapshot.SnapshotService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Snapshots of live MCP servers over HTTP. {@code POST /api/v1/snapshots} starts a process or connects to a URL, so
 * it needs the operator role; the child process gets only the environment the launch spec names. A misbehaving
 * server is a 502 problem with the one-line reason.
 */
public final class SnapshotRoutes implements RouteGroup {
    private final SnapshotService service;
    private final Access access;

    public SnapshotRoutes(SnapshotService service, Access access) {
        this.service = service;
        this.access = access;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/v1/snapshots", this::take);
        routes.get("/api/v1/snapshots/{id}", this::find);
    }

    @Override
    public void registerErrors(ErrorMapper errors) {
        errors.register(
                LaunchRequest.InvalidLaunchSpec.class,
                e -> Problem.badRequest("invalid-launch-spec", "Invalid launch spec", String.valueOf(e.getMessage()))
                        .with("pointer", e.field()));
        errors.register(
                SnapshotException.class,
                e -> Problem.of(
                        502,
                        "snapshot-failed",
                        "The MCP server could not be snapshotted",
                        String.valueOf(e.getMessage())));
    }

    private void take(Context ctx) {
        access.require(ctx, Role.OPERATOR);
        JsonNode body = Requests.body(ctx, JsonNode.class);
        SnapshotService.Taken taken = service.take(body);
        ctx.status(201).header("Location", "/api/v1/snapshots/" + taken.id()).json(json(taken));
    }

    private void find(Context ctx) {
        access.require(ctx, Role.VIEWER);
        String id = ctx.pathParam("id");
        SnapshotService.Taken taken = service.find(id)
                .orElseThrow(() -> Problem.of(404, "not-found", "Not Found", "no snapshot with id " + id)
                        .toException());
        ctx.json(json(taken));
    }

    private static Map<String, Object> json(SnapshotService.Taken taken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", taken.id());
        body.put("sha256", taken.sha256());
        body.put("takenAt", taken.takenAt());
        body.put("target", taken.target());
        body.put("surface", taken.surface());
        return body;
    }
}
