package dev.mcpver.http;

import io.javalin.config.RoutesConfig;

/** {@code /api/v1/semver/*}: each route is a catalog tool, so HTTP, MCP, CLI and the agent answer alike. */
public final class SemverRoutes implements RouteGroup {
    private final ToolEndpoints tools;

    public SemverRoutes(ToolEndpoints tools) {
        this.tools = tools;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/v1/semver/parse", tools.fromQuery("semver_parse"));
        routes.get("/api/v1/semver/compare", tools.fromQuery("semver_compare"));
        routes.get("/api/v1/semver/satisfies", tools.fromQuery("semver_satisfies"));
        routes.get("/api/v1/semver/range", tools.fromQuery("semver_range"));
        routes.post("/api/v1/semver/resolve", tools.fromBody("semver_resolve"));
        routes.get("/api/v1/semver/next", tools.fromQuery("semver_next"));
        routes.get("/api/v1/semver/diff", tools.fromQuery("semver_diff"));
    }
}
