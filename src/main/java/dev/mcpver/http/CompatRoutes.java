package dev.mcpver.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.auth.Role;
import dev.mcpver.compat.ReportFormat;
import dev.mcpver.compat.SurfaceException;
import dev.mcpver.surface.CompatService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * The compatibility analyzer over HTTP: {@code POST /api/v1/compat/analyze} and the rule catalogue at {@code GET
 * /api/v1/compat/rules}. Invalid surfaces are 400 problems whose {@code pointer} names the offending JSON location.
 */
public final class CompatRoutes implements RouteGroup {
    private final CompatService service;
    private final Access access;

    public CompatRoutes(CompatService service, Access access) {
        this.service = service;
        this.access = access;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/v1/compat/analyze", this::analyze);
        routes.get("/api/v1/compat/rules", this::rules);
    }

    @Override
    public void registerErrors(ErrorMapper errors) {
        errors.register(
                SurfaceException.class,
                e -> Problem.badRequest("invalid-surface", "Invalid surface", String.valueOf(e.getMessage()))
                        .with("pointer", e.pointer()));
    }

    private void analyze(Context ctx) {
        access.require(ctx, Role.VIEWER);
        ReportFormat format = format(ctx);
        JsonNode body = Requests.body(ctx, JsonNode.class);
        CompatService.Request request = request(body);
        CompatService.Rendered rendered = service.analyze(request, format, "new-surface.json");
        ctx.header("X-Mcpver-Cache", rendered.cached() ? "hit" : "miss");
        ctx.contentType(mediaType(format)).result(rendered.text());
    }

    static CompatService.Request request(JsonNode body) {
        if (!body.isObject()) {
            throw Problem.badRequest(
                            "invalid-json", "Invalid JSON body", "expected a JSON object with \"old\" and \"new\"")
                    .toException();
        }
        List<JsonNode> history = new ArrayList<>();
        JsonNode rawHistory = body.path("history");
        if (!rawHistory.isMissingNode() && !rawHistory.isNull()) {
            if (!rawHistory.isArray()) {
                throw invalid("/history", "expected an array of surfaces, oldest first");
            }
            rawHistory.forEach(history::add);
        }
        JsonNode policy = body.path("policy");
        return new CompatService.Request(
                required(body, "old"),
                required(body, "new"),
                policy.isMissingNode() || policy.isNull() ? null : policy,
                history);
    }

    private static JsonNode required(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw invalid("/" + field, "a surface is required");
        }
        return value;
    }

    private static ProblemException invalid(String pointer, String detail) {
        return Problem.badRequest("invalid-surface", "Invalid surface", pointer + ": " + detail)
                .with("pointer", pointer)
                .toException();
    }

    private static ReportFormat format(Context ctx) {
        String name = Requests.optionalQuery(ctx, "format").orElse("json");
        return ReportFormat.fromWire(name)
                .orElseThrow(() -> Problem.badRequest(
                                "invalid-parameter",
                                "Invalid request parameter",
                                "format must be json, text, markdown or sarif (got \"" + name + "\")")
                        .toException());
    }

    static String mediaType(ReportFormat format) {
        return switch (format) {
            case JSON -> "application/json";
            case TEXT -> "text/plain; charset=utf-8";
            case MARKDOWN -> "text/markdown; charset=utf-8";
            case SARIF -> "application/sarif+json";
        };
    }

    private void rules(Context ctx) {
        access.require(ctx, Role.VIEWER);
        ctx.json(dev.mcpver.surface.RuleCatalogue.json());
    }
}
