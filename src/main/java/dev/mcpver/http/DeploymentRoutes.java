package dev.mcpver.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.auth.Role;
import dev.mcpver.deploy.MigrationFeed;
import dev.mcpver.migrate.Migration;
import dev.mcpver.migrate.MigrationEvent;
import dev.mcpver.migrate.MigrationService;
import dev.mcpver.tools.DeploymentViews;
import dev.mcpver.tools.ToolCatalog;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code /api/v1/deployments}, {@code /api/v1/targets}, {@code /api/v1/rollback/*}, {@code /api/v1/migrations/*},
 * {@code /api/v1/migration-guides} and {@code /api/v1/updates}: each route is a catalog tool, plus the migration progress stream
 * ({@code GET /api/v1/migrations/{id}/events}, server-sent events, resumable with {@code Last-Event-ID}).
 */
public final class DeploymentRoutes implements RouteGroup {
    private static final String DEPLOYMENT = "/api/v1/deployments/{server}/{environment}";

    private final ToolCalls calls;
    private final Access access;
    private final MigrationService migrations;
    private final MigrationFeed feed;
    private final ObjectMapper mapper;

    public DeploymentRoutes(
            ToolCatalog catalog, Access access, ObjectMapper mapper, MigrationService migrations, MigrationFeed feed) {
        this.calls = new ToolCalls(catalog, access, mapper);
        this.access = access;
        this.migrations = migrations;
        this.feed = feed;
        this.mapper = mapper;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        deployments(routes);
        rollback(routes);
        migrations(routes);
        updates(routes);
    }

    private void updates(RoutesConfig routes) {
        routes.post("/api/v1/updates", calls.body("update_schedule", 201));
        routes.get("/api/v1/updates", calls.query("update_list"));
        routes.get("/api/v1/updates/{updateId}", calls.query("update_get", "updateId"));
        routes.post("/api/v1/updates/{updateId}/cancel", calls.body("update_cancel", 200, "updateId"));
        routes.post("/api/v1/updates/{updateId}/canary-decision", calls.body("update_decide", 200, "updateId"));
    }

    private void deployments(RoutesConfig routes) {
        routes.get("/api/v1/deployments", calls.query("deployment_list"));
        routes.post("/api/v1/deployments", calls.body("deployment_register", 201));
        routes.get(DEPLOYMENT, calls.query("deployment_get", "server", "environment"));
        routes.post(DEPLOYMENT + "/activate", calls.body("deployment_activate", 200, "server", "environment"));
        routes.put(DEPLOYMENT + "/config", calls.body("deployment_configure", 200, "server", "environment"));
        routes.get(DEPLOYMENT + "/probe", calls.query("deployment_probe", "server", "environment"));
        routes.post("/api/v1/targets", calls.body("target_register", 201));
        routes.get("/api/v1/targets/{server}", calls.query("target_list", "server"));
    }

    private void rollback(RoutesConfig routes) {
        routes.get("/api/v1/rollback/points", calls.query("rollback_list"));
        routes.post("/api/v1/rollback/points", calls.body("rollback_create", 201));
        routes.get("/api/v1/rollback/points/{pointId}", calls.query("rollback_get", "pointId"));
        routes.post("/api/v1/rollback/points/{pointId}/verify", calls.body("rollback_verify", 200, "pointId"));
        routes.post("/api/v1/rollback/points/{pointId}/restore", calls.body("rollback_restore", 200, "pointId"));
        routes.post("/api/v1/rollback/restores/{restoreId}/confirm", calls.body("rollback_confirm", 200, "restoreId"));
        routes.post("/api/v1/rollback/restores/{restoreId}/undo", calls.body("rollback_undo", 200, "restoreId"));
        routes.post("/api/v1/rollback/prune", calls.body("rollback_prune", 200));
        routes.get("/api/v1/rollback/executions", calls.query("rollback_history"));
    }

    private void migrations(RoutesConfig routes) {
        routes.post("/api/v1/migrations/plans", calls.body("migration_plan", 201));
        routes.get("/api/v1/migrations/plans/{planId}", calls.query("migration_plan_get", "planId"));
        routes.post("/api/v1/migrations", this::startMigration);
        routes.get("/api/v1/migrations", calls.query("migration_list"));
        routes.get("/api/v1/migrations/{migrationId}", calls.query("migration_get", "migrationId"));
        routes.get("/api/v1/migrations/{migrationId}/guide", calls.query("migration_guide", "migrationId"));
        routes.get("/api/v1/migration-guides", calls.query("migration_guide"));
        routes.before("/api/v1/migrations/{migrationId}/events", this::authorizeEvents);
        routes.sse("/api/v1/migrations/{migrationId}/events", this::stream);
    }

    /** {@code {"planId": …, "dryRun": false, "confirm": true}}: a run starts at once (202); a dry run answers done. */
    private void startMigration(Context ctx) {
        ObjectNode body = Requests.body(ctx, ObjectNode.class);
        boolean dryRun = body.path("dryRun").asBoolean(false);
        body.remove("dryRun");
        String tool = dryRun ? "migration_dry_run" : "migration_execute";
        calls.answer(ctx, calls.definition(tool), body, dryRun ? 200 : 202);
    }

    private void authorizeEvents(Context ctx) {
        if (!ctx.path().endsWith("/events")) {
            return;
        }
        access.require(ctx, Role.VIEWER);
        migrations.get(ctx.pathParam("migrationId"));
    }

    /** Replays stored events after {@code Last-Event-ID}, then follows live ones until the migration finishes. */
    private void stream(SseClient client) {
        String id = client.ctx().pathParam("migrationId");
        AtomicLong sent = new AtomicLong(lastEventId(client.ctx()));
        client.keepAlive();
        AutoCloseable subscription = feed.subscribe(event -> {
            if (event.migrationId().equals(id)) {
                send(client, event, sent);
            }
        });
        client.onClose(() -> close(subscription));
        migrations.events(id, sent.get()).forEach(event -> send(client, event, sent));
        Migration migration = migrations.get(id);
        if (migration.status().terminal() && migrations.events(id, sent.get()).isEmpty()) {
            client.close();
        }
    }

    private void send(SseClient client, MigrationEvent event, AtomicLong sent) {
        synchronized (sent) {
            if (event.seq() <= sent.get() || client.terminated()) {
                return;
            }
            client.sendEvent(event.type(), write(DeploymentViews.event(event)), String.valueOf(event.seq()));
            sent.set(event.seq());
        }
        if (event.last()) {
            client.close();
        }
    }

    private String write(ObjectNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long lastEventId(Context ctx) {
        String header = ctx.header("Last-Event-ID");
        try {
            return header == null ? 0 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void close(AutoCloseable subscription) {
        try {
            subscription.close();
        } catch (Exception ignored) {
            // unsubscribing cannot fail in a way that matters
        }
    }

    @Override
    public void registerErrors(ErrorMapper errors) {
        errors.register(
                dev.mcpver.migrate.MigrationException.class,
                e -> Problem.of(
                        e.reason() == dev.mcpver.migrate.MigrationException.Reason.NOT_FOUND ? 404 : 409,
                        e.reason() == dev.mcpver.migrate.MigrationException.Reason.NOT_FOUND ? "not-found" : "conflict",
                        e.reason() == dev.mcpver.migrate.MigrationException.Reason.NOT_FOUND ? "Not Found" : "Conflict",
                        String.valueOf(e.getMessage())));
    }
}
