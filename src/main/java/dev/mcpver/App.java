package dev.mcpver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.f4b6a3.ulid.UlidCreator;
import dev.mcpver.cli.Cli;
import dev.mcpver.http.Access;
import dev.mcpver.http.AuditRoutes;
import dev.mcpver.http.DeploymentRoutes;
import dev.mcpver.http.ErrorMapper;
import dev.mcpver.http.HttpServer;
import dev.mcpver.http.RouteGroup;
import dev.mcpver.http.SemverRoutes;
import dev.mcpver.http.SystemRoutes;
import dev.mcpver.http.TokenRoutes;
import dev.mcpver.http.ToolEndpoints;
import dev.mcpver.json.Json;
import dev.mcpver.log.JsonLogging;
import dev.mcpver.store.Database;
import dev.mcpver.store.MetaStore;
import dev.mcpver.tokens.IssuedToken;
import dev.mcpver.tokens.TokenService;
import dev.mcpver.tools.SemverTools;
import dev.mcpver.tools.ToolCatalog;
import dev.mcpver.tools.ToolDef;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
    private final HttpServer http;
    private final TokenService tokens;
    private final DeploymentWiring deployments;
    private final @Nullable PrintWriter console;

    /** An app that never prints: a generated first admin token needs a console, so only a supplied one is adopted. */
    public App(AppConfig config) {
        this(config, null);
    }

    /**
     * @param console where a generated first admin token is shown once (the {@code serve} command's stdout); null
     *     when there is no operator to show it to (embedding, stdio MCP), in which case none is generated
     */
    public App(AppConfig config, @Nullable PrintWriter console) {
        this.config = config;
        this.console = console;
        JsonLogging.setLevel(config.logLevel());
        Clock clock = Clock.systemUTC();
        ObjectMapper mapper = Json.create();
        this.database = Database.openMigrated(config.databaseUrl());
        MetaStore meta = new MetaStore(database, clock);
        String installationId = meta.getOrCreate(
                "installation_id", UlidCreator.getMonotonicUlid().toString());

        RegistryWiring registry = new RegistryWiring(database, clock);
        this.tokens = registry.tokens();
        Access access = new Access(registry.authenticator(), config.openReads());
        this.deployments =
                new DeploymentWiring(database, registry.audit(), config.home(), System.getenv(), clock, true);
        ToolCatalog tools = new ToolCatalog(concat(SemverTools.all(), deployments.tools()));
        ToolEndpoints toolEndpoints = new ToolEndpoints(tools, access, mapper);

        List<RouteGroup> routes = List.of(
                new SystemRoutes(database, installationId),
                new SemverRoutes(toolEndpoints),
                new TokenRoutes(tokens, access),
                new AuditRoutes(registry.audit(), access, mapper),
                new DeploymentRoutes(tools, access, mapper, deployments.migrations(), deployments.feed()));
        this.http = new HttpServer(config, mapper, new ErrorMapper(), access, routes, List.of());
    }

    public App start() {
        bootstrapAdmin();
        deployments.recover(); // before serving: crashed migrations are finished and residents run first
        http.start();
        LOG.atInfo()
                .addKeyValue("operation", "APP_START")
                .addKeyValue("version", BuildInfo.version())
                .addKeyValue("database", database.displayUrl())
                .log("mcpver {} ready", BuildInfo.version());
        return this;
    }

    /**
     * First start only: adopts {@code MCPVER_BOOTSTRAP_TOKEN} as the first admin token, or generates one and shows it
     * on the console once. The secret never reaches the log (which only names the token id).
     */
    private void bootstrapAdmin() {
        String requestId = "bootstrap-" + UlidCreator.getMonotonicUlid();
        if (config.bootstrapToken() != null) {
            tokens.bootstrap(config.bootstrapToken(), requestId);
        } else if (console != null) {
            tokens.bootstrap(null, requestId).ifPresent(this::show);
        }
    }

    private void show(IssuedToken issued) {
        PrintWriter out = java.util.Objects.requireNonNull(console);
        out.println("First start: created the admin token '" + issued.token().name() + "' (id "
                + issued.token().id() + "). It is shown only this once; store it now:");
        out.println(issued.secret());
        out.flush();
    }

    /** The HTTP port actually bound. */
    public int port() {
        return http.port();
    }

    public AppConfig config() {
        return config;
    }

    @Override
    public void close() {
        http.close();
        deployments.close();
        LOG.atInfo().addKeyValue("operation", "APP_STOP").log("mcpver stopped");
    }

    private static List<ToolDef> concat(List<ToolDef> first, List<ToolDef> second) {
        List<ToolDef> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
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
