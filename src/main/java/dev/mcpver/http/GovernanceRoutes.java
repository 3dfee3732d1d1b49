package dev.mcpver.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.auth.Actor;
import dev.mcpver.auth.Role;
import dev.mcpver.compliance.ComplianceService;
import dev.mcpver.compliance.RuleSpec;
import dev.mcpver.monitoring.MonitoringService;
import dev.mcpver.registry.RegistryService;
import dev.mcpver.registry.Server;
import dev.mcpver.registry.ServerQuery;
import dev.mcpver.registry.ServerVersion;
import dev.mcpver.vuln.AdvisoryHit;
import dev.mcpver.vuln.AdvisoryService;
import dev.mcpver.vuln.OsvAdvisory;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Vulnerabilities (OSV advisories and which versions they hit), compliance rules (CEL) and monitoring (health,
 * adoption, alerts).
 */
public final class GovernanceRoutes implements RouteGroup {
    private final RegistryService registry;
    private final AdvisoryService advisories;
    private final ComplianceService compliance;
    private final MonitoringService monitoring;
    private final Access access;

    public GovernanceRoutes(
            RegistryService registry,
            AdvisoryService advisories,
            ComplianceService compliance,
            MonitoringService monitoring,
            Access access) {
        this.registry = registry;
        this.advisories = advisories;
        this.compliance = compliance;
        this.monitoring = monitoring;
        this.access = access;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post("/api/v1/advisories", this::importAdvisories);
        routes.get("/api/v1/advisories", this::advisories);
        routes.get("/api/v1/advisories/{id}", this::advisory);
        routes.get("/api/v1/vulnerabilities", this::vulnerabilities);
        routes.get("/api/v1/versions/{versionId}/vulnerabilities", this::versionVulnerabilities);
        routes.post("/api/v1/compliance/rules", this::addRule);
        routes.get("/api/v1/compliance/rules", this::rules);
        routes.delete("/api/v1/compliance/rules/{id}", this::disableRule);
        routes.get("/api/v1/versions/{versionId}/compliance", this::evaluate);
        routes.get("/api/v1/alerts", this::alerts);
        routes.get("/api/v1/versions/{versionId}/health", this::health);
        routes.get("/api/v1/servers/{id}/adoption", this::adoption);
    }

    private void importAdvisories(Context ctx) {
        Actor actor = new Actor(access.require(ctx, Role.OPERATOR), RequestIds.of(ctx));
        JsonNode body = Requests.body(ctx, JsonNode.class);
        ctx.json(advisories.importDocuments(Map.of("body", body), actor));
    }

    private void advisories(Context ctx) {
        access.require(ctx, Role.VIEWER);
        List<Map<String, Object>> items = advisories.all().stream()
                .map(a -> Map.<String, Object>of(
                        "id",
                        a.id(),
                        "summary",
                        a.summary(),
                        "severity",
                        a.severity(),
                        "modified",
                        String.valueOf(a.modified()),
                        "packages",
                        a.packageNames()))
                .toList();
        ctx.json(Map.of("items", items));
    }

    private void advisory(Context ctx) {
        access.require(ctx, Role.VIEWER);
        String id = ctx.pathParam("id");
        OsvAdvisory advisory =
                advisories.find(id).orElseThrow(() -> RegistryRoutes.notFound("no advisory with id " + id));
        ctx.json(advisory.raw());
    }

    /** Which advisories hit which versions: every version with at least one hit, optionally of one server. */
    private void vulnerabilities(Context ctx) {
        access.require(ctx, Role.VIEWER);
        Optional<String> serverId = Queries.text(ctx, "serverId");
        List<Server> servers = serverId.isPresent()
                ? List.of(registry.server(serverId.get())
                        .orElseThrow(() -> RegistryRoutes.notFound("no server with id " + serverId.get())))
                : registry.servers(ServerQuery.all()).items();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Server server : servers) {
            for (ServerVersion light : registry.versions(server.id())) {
                List<AdvisoryHit> hits = advisories.hits(server, light);
                if (!hits.isEmpty()) {
                    rows.add(row(server, light, hits));
                }
            }
        }
        ctx.json(Map.of("items", rows));
    }

    private void versionVulnerabilities(Context ctx) {
        access.require(ctx, Role.VIEWER);
        ServerVersion version = version(ctx.pathParam("versionId"));
        Server server = registry.server(version.serverId()).orElseThrow();
        ctx.json(row(server, version, advisories.hits(server, version)));
    }

    private static Map<String, Object> row(Server server, ServerVersion version, List<AdvisoryHit> hits) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("serverId", server.id());
        row.put("serverName", server.name());
        row.put("versionId", version.id());
        row.put("version", version.version());
        row.put("stage", version.stage());
        row.put("hits", hits);
        return row;
    }

    private void addRule(Context ctx) {
        Actor actor = new Actor(access.require(ctx, Role.ADMIN), RequestIds.of(ctx));
        RuleSpec spec = Requests.body(ctx, RuleSpec.class);
        try {
            ctx.status(201).json(compliance.add(spec, actor));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("invalid-rule", "Invalid compliance rule", String.valueOf(e.getMessage()))
                    .toException();
        }
    }

    private void rules(Context ctx) {
        access.require(ctx, Role.VIEWER);
        ctx.json(Map.of("items", compliance.rules()));
    }

    private void disableRule(Context ctx) {
        Actor actor = new Actor(access.require(ctx, Role.ADMIN), RequestIds.of(ctx));
        String id = ctx.pathParam("id");
        ctx.json(compliance
                .disable(id, actor)
                .orElseThrow(() -> RegistryRoutes.notFound("no enabled rule with id " + id)));
    }

    private void evaluate(Context ctx) {
        access.require(ctx, Role.VIEWER);
        ServerVersion version = version(ctx.pathParam("versionId"));
        Server server = registry.server(version.serverId()).orElseThrow();
        ctx.json(Map.of(
                "versionId",
                version.id(),
                "results",
                compliance.evaluate(server, version, registry.attestations(version.id()), List.of())));
    }

    private void alerts(Context ctx) {
        access.require(ctx, Role.VIEWER);
        ctx.json(Map.of("items", monitoring.alerts()));
    }

    private void health(Context ctx) {
        access.require(ctx, Role.VIEWER);
        String id = ctx.pathParam("versionId");
        ctx.json(monitoring.health(id).orElseThrow(() -> RegistryRoutes.notFound("no version with id " + id)));
    }

    private void adoption(Context ctx) {
        access.require(ctx, Role.VIEWER);
        String id = ctx.pathParam("id");
        Server server = registry.server(id).orElseThrow(() -> RegistryRoutes.notFound("no server with id " + id));
        ctx.json(Map.of("serverId", server.id(), "versions", monitoring.adoption(server.id())));
    }

    private ServerVersion version(String id) {
        return registry.version(id).orElseThrow(() -> RegistryRoutes.notFound("no version with id " + id));
    }
}
