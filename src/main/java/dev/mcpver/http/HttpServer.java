package dev.mcpver.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpver.AppConfig;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one HTTP server of a process: Javalin on Jetty, bound to the configured interface (loopback by default).
 * Features contribute {@link RouteGroup}s; other edges (MCP servlets, static UI) contribute config customizers.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("dev.mcpver.http");

    private final AppConfig config;
    private final Javalin app;

    public HttpServer(
            AppConfig config,
            ObjectMapper mapper,
            ErrorMapper errors,
            Access access,
            List<RouteGroup> groups,
            List<Consumer<JavalinConfig>> customizers) {
        this.config = config;
        groups.forEach(group -> group.registerErrors(errors));
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jsonMapper(new JavalinJackson(mapper, false));
            cfg.http.maxRequestSize = config.maxRequestBytes();
            cfg.http.prefer405over404 = true;
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            cfg.requestLogger.http(HttpServer::logRequest);
            cfg.routes.before(HttpServer::assignRequestId);
            cfg.routes.before(access::resolve);
            cfg.routes.exception(Exception.class, (e, ctx) -> answer(ctx, errors, e));
            // Javalin answers its own HttpResponseExceptions (413, 400 from validators) in text unless told otherwise.
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, errors, e));
            cfg.routes.error(404, ctx -> answerIfBare(ctx, "no route for " + ctx.method() + " " + ctx.path()));
            cfg.routes.error(405, ctx -> answerIfBare(ctx, ctx.method() + " is not allowed on " + ctx.path()));
            groups.forEach(group -> group.addTo(cfg.routes));
            customizers.forEach(customizer -> customizer.accept(cfg));
        });
    }

    /** Starts listening; returns this for chaining. */
    public HttpServer start() {
        app.start(config.host(), config.port());
        LOG.atInfo()
                .addKeyValue("operation", "HTTP_START")
                .addKeyValue("host", config.host())
                .addKeyValue("port", port())
                .log("listening on http://{}:{}", config.host(), port());
        return this;
    }

    /** The bound port (the real one when configured as 0). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    /** Writes a problem as {@code application/problem+json} with the request path and id. */
    public static void writeProblem(Context ctx, Problem problem) {
        Problem located = problem.withInstance(ctx.path()).with("requestId", RequestIds.of(ctx));
        ctx.status(located.status()).json(located).contentType(Problem.MEDIA_TYPE);
    }

    private static void answer(Context ctx, ErrorMapper errors, Exception e) {
        Problem problem = errors.map(e).orElseGet(() -> internalError(ctx, e));
        writeProblem(ctx, problem);
    }

    private static Problem internalError(Context ctx, Exception e) {
        LOG.atError()
                .addKeyValue("operation", "HTTP_ERROR")
                .addKeyValue("path", ctx.path())
                .setCause(e)
                .log("unexpected failure while handling {} {}", ctx.method(), ctx.path());
        return Problem.ofStatus(
                500,
                "Internal Server Error",
                "an unexpected error occurred; the server log has the details under requestId " + RequestIds.of(ctx));
    }

    private static void answerIfBare(Context ctx, String detail) {
        String contentType = ctx.res().getContentType();
        if (contentType == null || !contentType.startsWith(Problem.MEDIA_TYPE)) {
            writeProblem(ctx, ErrorMapper.fromStatus(ctx.statusCode(), detail));
        }
    }

    private static void assignRequestId(Context ctx) {
        String id = RequestIds.accept(ctx.header(RequestIds.HEADER));
        ctx.attribute(RequestIds.ATTRIBUTE, id);
        ctx.header(RequestIds.HEADER, id);
        MDC.put("requestId", id);
    }

    private static void logRequest(Context ctx, Float millis) {
        LOG.atInfo()
                .addKeyValue("operation", "HTTP_REQUEST")
                .addKeyValue("method", ctx.method().name())
                .addKeyValue("path", ctx.path())
                .addKeyValue("status", ctx.statusCode())
                .addKeyValue("durationMs", Math.round(millis * 1000) / 1000.0)
                .log("{} {} -> {}", ctx.method(), ctx.path(), ctx.statusCode());
        MDC.remove("requestId");
    }
}
