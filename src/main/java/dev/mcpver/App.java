package dev.mcpver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.f4b6a3.ulid.UlidCreator;
import dev.mcpver.auth.Authenticator;
import dev.mcpver.cli.Cli;
import dev.mcpver.http.Access;
import dev.mcpver.http.ErrorMapper;
import dev.mcpver.http.HttpServer;
import dev.mcpver.http.RouteGroup;
import dev.mcpver.http.SemverRoutes;
import dev.mcpver.http.SystemRoutes;
import dev.mcpver.http.ToolEndpoints;
import dev.mcpver.json.Json;
import dev.mcpver.log.JsonLogging;
import dev.mcpver.mcp.CatalogResources;
import dev.mcpver.mcp.McpHttp;
import dev.mcpver.mcp.McpSurface;
import dev.mcpver.mcp.PromptLibrary;
import dev.mcpver.mcp.ResourceSource;
import dev.mcpver.store.Database;
import dev.mcpver.store.MetaStore;
import dev.mcpver.tools.SemverTools;
import dev.mcpver.tools.ToolCatalog;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: reads a validated {@link AppConfig}, creates every collaborator by constructor, and
 * starts the edges. No DI container and no classpath scanning — this file is the object graph.
 *
 * <pre>{@code
 * try (App app = new App(AppConfig.defaults()).start()) {
 *     System.out.println("listening on " + app.port());
 * }
 * }</pre>
 */
public final class App implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private final AppConfig config;
    private final Database database;
    private final McpSurface mcp;
    /** Built by {@link #start}: {@code mcpver mcp} (stdio) never pays for Jetty and the HTTP MCP servers. */
    private final Supplier<Edge> edge;

    private @Nullable Edge started;

    /** The HTTP edge: Javalin with the MCP servlets mounted. */
    private record Edge(HttpServer http, McpHttp mcp) {}

    public App(AppConfig config) {
        this.config = config;
        JsonLogging.setLevel(config.logLevel());
        Clock clock = Clock.systemUTC();
        ObjectMapper mapper = Json.create();
        this.database = Database.openMigrated(config.databaseUrl());
        MetaStore meta = new MetaStore(database, clock);
        String installationId = meta.getOrCreate(
                "installation_id", UlidCreator.getMonotonicUlid().toString());

        ToolCatalog tools = new ToolCatalog(SemverTools.all());
        Authenticator authenticator = Authenticator.none();
        boolean openReads = true;
        Access access = new Access(authenticator, openReads);
        ToolEndpoints toolEndpoints = new ToolEndpoints(tools, access, mapper);

        // MCP resources: features add their ResourceSource here (registry surfaces, agent traces).
        List<ResourceSource> resources = List.of(new CatalogResources(tools));
        this.mcp = new McpSurface(tools, PromptLibrary.fromClasspath(), resources, BuildInfo.version(), mapper);
        McpHttp.Settings mcpSettings = new McpHttp.Settings(
                config.mcpAllowedOrigins(), config.mcpAllowedHosts(), config.maxRequestBytes(), openReads);

        List<RouteGroup> routes = List.of(new SystemRoutes(database, installationId), new SemverRoutes(toolEndpoints));
        this.edge = () -> {
            McpHttp mcpHttp = new McpHttp(mcp, mcpSettings, authenticator, mapper);
            HttpServer http =
                    new HttpServer(config, mapper, new ErrorMapper(), access, routes, List.of(mcpHttp::mount));
            return new Edge(http, mcpHttp);
        };
    }

    public App start() {
        Edge http = edge.get();
        started = http;
        http.http().start();
        LOG.atInfo()
                .addKeyValue("operation", "APP_START")
                .addKeyValue("version", BuildInfo.version())
                .addKeyValue("database", database.displayUrl())
                .log("mcpver {} ready", BuildInfo.version());
        return this;
    }

    /** The HTTP port actually bound. */
    public int port() {
        if (started == null) {
            throw new IllegalStateException("not started");
        }
        return started.http().port();
    }

    public AppConfig config() {
        return config;
    }

    /** What the MCP door serves; {@code mcpver mcp} serves it over stdio, {@code mcpver manifest} writes it. */
    public McpSurface mcpSurface() {
        return mcp;
    }

    @Override
    public void close() {
        if (started != null) {
            started.mcp().close(); // ends MCP sessions and their open streams before Jetty stops
            started.http().close();
        }
        LOG.atInfo().addKeyValue("operation", "APP_STOP").log("mcpver stopped");
    }

    @SuppressForbidden(reason = "the process entry point owns stdout and stderr")
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int exit = Cli.run(args, System.getenv(), out, err);
        out.flush();
        err.flush();
        if (exit != Cli.KEEP_RUNNING) {
            System.exit(exit);
        }
    }
}
