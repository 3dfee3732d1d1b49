package dev.mcpver.http;

import dev.mcpver.BuildInfo;
import dev.mcpver.store.Database;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Liveness, readiness and build information. */
public final class SystemRoutes implements RouteGroup {
    private final Database database;
    private final String installationId;

    public SystemRoutes(Database database, String installationId) {
        this.database = database;
        this.installationId = installationId;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
        routes.get("/ready", this::ready);
        routes.get("/api/v1/version", this::version);
    }

    private void ready(Context ctx) {
        Database.Readiness readiness = database.readiness();
        if (!readiness.ready()) {
            throw Problem.of(503, "not-ready", "Service Unavailable", readiness.detail())
                    .toException();
        }
        ctx.json(Map.of("status", "ready", "database", databaseInfo()));
    }

    private void version(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "mcpver");
        body.put("version", BuildInfo.version());
        body.put("java", Runtime.version().toString());
        body.put("installationId", installationId);
        body.put("database", databaseInfo());
        body.put("semver", "node-semver 7.8.6 compatible (strict mode)");
        ctx.json(body);
    }

    private Map<String, Object> databaseInfo() {
        return Map.of("vendor", database.vendor(), "schemaVersion", database.schemaVersion());
    }
}
