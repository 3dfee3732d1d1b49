package dev.mcpver.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpver.abtest.ExperimentConflictException;
import dev.mcpver.abtest.ExperimentNotFoundException;
import dev.mcpver.abtest.ExperimentService;
import dev.mcpver.abtest.ExperimentStatus;
import dev.mcpver.abtest.InvalidExperimentException;
import dev.mcpver.abtest.ObservationBatch;
import dev.mcpver.abtest.SampleSize;
import dev.mcpver.auth.Role;
import dev.mcpver.json.ExperimentJson;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code /api/v1/experiments…} and {@code /api/v1/sample-size} ({@code abtest.md} §3). Writes (create, start,
 * pause, stop, weights, assign, metrics) need the operator role; reads follow the server's read policy. The JSON
 * of every answer comes from {@link ExperimentJson}, shared with the CLI and the catalog tools.
 */
public final class ExperimentRoutes implements RouteGroup {
    static final String BASE = "/api/v1/experiments";

    private final ExperimentService service;
    private final Access access;
    private final ObjectMapper mapper;

    public ExperimentRoutes(ExperimentService service, Access access, ObjectMapper mapper) {
        this.service = service;
        this.access = access;
        this.mapper = mapper;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(BASE, this::create);
        routes.get(BASE, this::list);
        routes.get(BASE + "/{id}", ctx -> read(ctx, () -> ExperimentJson.summary(service.summary(id(ctx)))));
        routes.post(
                BASE + "/{id}/start",
                ctx -> ctx.json(ExperimentJson.experiment(service.start(id(ctx), operator(ctx)))));
        routes.post(
                BASE + "/{id}/pause",
                ctx -> ctx.json(ExperimentJson.experiment(service.pause(id(ctx), operator(ctx)))));
        routes.post(BASE + "/{id}/stop", this::stop);
        routes.put(BASE + "/{id}/weights", this::weights);
        routes.get(BASE + "/{id}/assign", this::assign);
        routes.post(BASE + "/{id}/metrics", this::metrics);
        routes.get(BASE + "/{id}/analysis", ctx -> read(ctx, () -> ExperimentJson.analysis(service.analysis(id(ctx)))));
        routes.post(
                BASE + "/{id}/recommendation",
                ctx -> read(ctx, () -> ExperimentJson.recommendation(service.recommend(id(ctx)))));
        routes.get(
                BASE + "/{id}/sequential",
                ctx -> read(ctx, () -> ExperimentJson.sequentialHistory(service.sequentialHistory(id(ctx)), 500)));
        routes.get(BASE + "/{id}/events", ctx -> read(ctx, () -> ExperimentJson.events(service.history(id(ctx)))));
        routes.post(
                "/api/v1/sample-size",
                ctx -> read(
                        ctx,
                        () -> ExperimentJson.sampleSize(
                                SampleSize.compute(ExperimentJson.sampleSizeRequest(body(ctx))))));
    }

    @Override
    public void registerErrors(ErrorMapper errors) {
        errors.register(
                InvalidExperimentException.class,
                e -> Problem.badRequest("invalid-experiment-input", "Invalid input", String.valueOf(e.getMessage()))
                        .with("field", "/" + e.field()));
        errors.register(
                ExperimentNotFoundException.class,
                e -> Problem.of(404, "experiment-not-found", "Experiment not found", String.valueOf(e.getMessage())));
        errors.register(ExperimentConflictException.class, ExperimentRoutes::conflict);
    }

    private static Problem conflict(ExperimentConflictException e) {
        String slug = e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        Problem problem = Problem.of(409, slug, "Conflict", String.valueOf(e.getMessage()));
        if (e.status() != null) {
            problem = problem.with("status", e.status().wireName()).with("allowedNextStates", e.allowedNextStates());
        }
        return problem;
    }

    private void create(Context ctx) {
        String actor = operator(ctx);
        var created = service.create(ExperimentJson.spec(body(ctx)), actor);
        ctx.status(201).header("Location", BASE + "/" + created.id()).json(ExperimentJson.experiment(created));
    }

    private void list(Context ctx) {
        access.require(ctx, Role.VIEWER);
        ExperimentStatus status = Requests.optionalQuery(ctx, "status")
                .map(text -> ExperimentStatus.fromWire(text)
                        .orElseThrow(() -> new InvalidExperimentException(
                                "status", "expected draft, running, paused or stopped, got \"" + text + "\"")))
                .orElse(null);
        var list = mapper.createArrayNode();
        service.list(status).forEach(e -> list.add(ExperimentJson.experiment(e)));
        ctx.json(list);
    }

    private void stop(Context ctx) {
        String actor = operator(ctx);
        JsonNode body = ctx.body().isBlank() ? mapper.createObjectNode() : body(ctx);
        String reason = body.path("reason").isTextual() ? body.get("reason").asText() : "stopped by " + actor;
        String winner = body.path("winner").isTextual() ? body.get("winner").asText() : null;
        ctx.json(ExperimentJson.experiment(service.stop(id(ctx), actor, reason, winner)));
    }

    private void weights(Context ctx) {
        String actor = operator(ctx);
        ctx.json(ExperimentJson.experiment(service.changeWeights(id(ctx), ExperimentJson.weights(body(ctx)), actor)));
    }

    private void assign(Context ctx) {
        operator(ctx);
        ctx.json(ExperimentJson.assignment(service.assign(id(ctx), Requests.query(ctx, "unit"))));
    }

    /** 202 once the batch is committed; the body is parsed as a stream into the batch (no tree, no DTO per value). */
    private void metrics(Context ctx) {
        operator(ctx);
        String id = id(ctx);
        ObservationBatch.Builder builder = service.batchFor(id);
        // bodyAsBytes enforces the server's maxRequestBytes (413); 5,000 observations are about 300 KB.
        ObservationBatch batch = ObservationReader.read(mapper.getFactory(), ctx.bodyAsBytes(), builder);
        ctx.status(202).json(ExperimentJson.ingest(service.ingest(id, batch, idempotencyKey(ctx))));
    }

    private static @Nullable String idempotencyKey(Context ctx) {
        return ctx.header("Idempotency-Key");
    }

    /** Checks read access first, then computes and sends the answer. */
    private void read(Context ctx, Supplier<JsonNode> answer) {
        access.require(ctx, Role.VIEWER);
        ctx.json(answer.get());
    }

    private String operator(Context ctx) {
        return access.require(ctx, Role.OPERATOR).subject();
    }

    private static String id(Context ctx) {
        return ctx.pathParam("id");
    }

    private JsonNode body(Context ctx) {
        return Requests.body(ctx, JsonNode.class);
    }
}
