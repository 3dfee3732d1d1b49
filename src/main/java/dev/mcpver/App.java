package dev.mcpver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.f4b6a3.ulid.UlidCreator;
import dev.mcpver.abtest.ExperimentService;
import dev.mcpver.abtest.NarrativeWriter;
import dev.mcpver.abtest.OutcomeListener;
import dev.mcpver.abtest.RecommendationRecorder;
import dev.mcpver.abtest.TemplateNarrativeWriter;
import dev.mcpver.agent.Agent;
import dev.mcpver.agent.AgentNarrativeWriter;
import dev.mcpver.agent.ExperimentIntents;
import dev.mcpver.agent.Intent;
import dev.mcpver.agent.SemverIntents;
import dev.mcpver.agent.SequentialThinking;
import dev.mcpver.agent.TraceTools;
import dev.mcpver.agent.UpgradeIntents;
import dev.mcpver.cli.Cli;
import dev.mcpver.gateway.GatewayHttp;
import dev.mcpver.gateway.GatewayWiring;
import dev.mcpver.http.Access;
import dev.mcpver.http.AgentRoutes;
import dev.mcpver.http.AuditRoutes;
import dev.mcpver.http.CompatRoutes;
import dev.mcpver.http.DeploymentRoutes;
import dev.mcpver.http.ErrorMapper;
import dev.mcpver.http.ExperimentRoutes;
import dev.mcpver.http.GovernanceRoutes;
import dev.mcpver.http.HttpServer;
import dev.mcpver.http.RegistryRoutes;
import dev.mcpver.http.RouteGroup;
import dev.mcpver.http.SemverRoutes;
import dev.mcpver.http.SigningRoutes;
import dev.mcpver.http.SnapshotRoutes;
import dev.mcpver.http.SystemRoutes;
import dev.mcpver.http.TokenRoutes;
import dev.mcpver.http.ToolEndpoints;
import dev.mcpver.json.Json;
import dev.mcpver.log.JsonLogging;
import dev.mcpver.mcp.CatalogResources;
import dev.mcpver.mcp.McpHttp;
import dev.mcpver.mcp.McpSurface;
import dev.mcpver.mcp.PromptLibrary;
import dev.mcpver.mcp.RegistryResources;
import dev.mcpver.mcp.ResourceSource;
import dev.mcpver.mcp.TraceResources;
import dev.mcpver.monitoring.AdoptionSource;
import dev.mcpver.monitoring.VersionMetrics;
import dev.mcpver.snapshot.SnapshotService;
import dev.mcpver.snapshot.Snapshotter;
import dev.mcpver.store.Database;
import dev.mcpver.store.ExperimentStore;
import dev.mcpver.store.JdbiTraceStore;
import dev.mcpver.store.MetaStore;
import dev.mcpver.store.SnapshotStore;
import dev.mcpver.surface.AnalyzerCompatCheck;
import dev.mcpver.surface.CompatService;
import dev.mcpver.surface.CompatTools;
import dev.mcpver.surface.MigrationCompatCheck;
import dev.mcpver.surface.RegistryCompatTools;
import dev.mcpver.tokens.IssuedToken;
import dev.mcpver.tokens.TokenService;
import dev.mcpver.tools.ExperimentTools;
import dev.mcpver.tools.SemverTools;
import dev.mcpver.tools.ToolCatalog;
import dev.mcpver.tools.ToolDef;
import dev.mcpver.web.WebUi;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
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
    private final Agent agent;
    private final TokenService tokens;
    private final DeploymentWiring deployments;
    private final GatewayWiring gateway;
    private final @Nullable PrintWriter console;
    private final McpSurface mcp;
    /** Built by {@link #start}: {@code mcpver mcp} (stdio) never pays for Jetty and the HTTP MCP servers. */
    private final Supplier<Edge> edge;

    private @Nullable Edge started;

    /** The HTTP edge: Javalin with the MCP servlets mounted. */
    private record Edge(HttpServer http, McpHttp mcp) {}

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

        CompatService compat = RegistryWiring.compatService(database, clock);
        RegistryWiring registry = new RegistryWiring(
                database,
                clock,
                config.home(),
                new AnalyzerCompatCheck(compat),
                VersionMetrics.none(),
                AdoptionSource.none());
        this.tokens = registry.tokens();
        Access access = new Access(registry.authenticator(), config.openReads());
        this.deployments = new DeploymentWiring(
                database,
                registry.audit(),
                config.home(),
                System.getenv(),
                clock,
                true,
                new MigrationCompatCheck(compat, mapper),
                registry.registry());
        JdbiTraceStore traceStore = new JdbiTraceStore(database);
        SequentialThinking thinking = new SequentialThinking();
        // The agent writes A/B recommendations, and the agent's catalog offers the A/B tools: a cycle, closed here.
        AtomicReference<Agent> agentRef = new AtomicReference<>();
        ExperimentService experiments = experiments(database, clock, new AgentNarrativeWriter(agentRef::get));
        GatewaySettings gatewaySettings = GatewaySettings.load(System.getenv());
        this.gateway = new GatewayWiring(
                deployments.deployments(),
                deployments.supervisor(),
                (server, version) -> deployments.targets().find(server, version).map(t -> t.artifact()),
                experiments,
                gatewaySettings,
                mapper,
                clock);
        deployments.useCanary(manual -> gateway.canary(manual, experiments, gatewaySettings, clock));
        List<ToolDef> catalogTools = new ArrayList<>(SemverTools.all());
        catalogTools.add(thinking.toolDef());
        catalogTools.addAll(TraceTools.all(traceStore));
        catalogTools.addAll(registry.tools().all());
        catalogTools.addAll(new ExperimentTools(experiments).all());
        SnapshotService snapshots = new SnapshotService(
                new Snapshotter(mapper, System.getenv(), BuildInfo.version(), clock),
                new SnapshotStore(database, clock),
                () -> UlidCreator.getMonotonicUlid().toString(),
                mapper);
        catalogTools.addAll(CompatTools.definitions(compat, snapshots::snapshot, mapper));
        catalogTools.addAll(RegistryCompatTools.definitions(compat, registry.registry(), mapper));
        catalogTools.addAll(deployments.tools());
        ToolCatalog tools = new ToolCatalog(catalogTools);
        ToolEndpoints toolEndpoints = new ToolEndpoints(tools, access, mapper);
        this.agent = Agent.builder(config.agent(), tools, traceStore, thinking)
                .clock(clock)
                .intents(offlineIntents())
                .build();
        agentRef.set(agent);

        // MCP resources: features add their ResourceSource here (registry surfaces, agent traces).
        List<ResourceSource> resources = List.of(
                new CatalogResources(tools),
                new RegistryResources(registry.registry()),
                new TraceResources(agent.traces()));
        this.mcp = new McpSurface(tools, PromptLibrary.fromClasspath(), resources, BuildInfo.version(), mapper);
        McpHttp.Settings mcpSettings = new McpHttp.Settings(
                config.mcpAllowedOrigins(), config.mcpAllowedHosts(), config.maxRequestBytes(), config.openReads());

        List<RouteGroup> routes = List.of(
                new SystemRoutes(database, installationId),
                new SemverRoutes(toolEndpoints),
                new TokenRoutes(tokens, access),
                new AuditRoutes(registry.audit(), access, mapper),
                new RegistryRoutes(registry.registry(), registry.lifecycle(), access),
                new SigningRoutes(registry.signing(), access),
                new GovernanceRoutes(
                        registry.registry(),
                        registry.advisories(),
                        registry.compliance(),
                        registry.monitoring(),
                        access),
                new AgentRoutes(agent, access),
                new ExperimentRoutes(experiments, access, mapper),
                new CompatRoutes(compat, access),
                new SnapshotRoutes(snapshots, access),
                new DeploymentRoutes(tools, access, mapper, deployments.migrations(), deployments.feed()));
        this.edge = () -> {
            McpHttp mcpHttp = new McpHttp(mcp, mcpSettings, registry.authenticator(), mapper);
            GatewayHttp gatewayHttp = new GatewayHttp(
                    gateway.gateway(), deployments.deployments(), mcpSettings, registry.authenticator(), mapper);
            HttpServer http = new HttpServer(
                    config,
                    mapper,
                    new ErrorMapper(),
                    access,
                    routes,
                    List.of(new WebUi(), mcpHttp::mount, gatewayHttp::mount));
            return new Edge(http, mcpHttp);
        };
    }

    /**
     * A/B experiments. The narrative writer is the offline template and nothing records recommendation traces
     * yet: the agent integration replaces both ({@link dev.mcpver.abtest.NarrativeWriter}, {@link
     * RecommendationRecorder}); a canary driver plugs in as the {@link OutcomeListener}.
     */
    /** The experiment service with the offline template as its narrative writer (CLI one-shots, tests). */
    public static ExperimentService experiments(Database database, Clock clock) {
        return experiments(database, clock, new TemplateNarrativeWriter());
    }

    static ExperimentService experiments(Database database, Clock clock, NarrativeWriter narrator) {
        return new ExperimentService(
                new ExperimentStore(database, clock),
                clock,
                new SecureRandom(),
                () -> UlidCreator.getMonotonicUlid().toString(),
                OutcomeListener.none(),
                narrator,
                RecommendationRecorder.none());
    }

    /** The offline planner's intent table: specific features first, the generic SemVer intents last. */
    static List<Intent> offlineIntents() {
        List<Intent> intents = new ArrayList<>(ExperimentIntents.all());
        intents.addAll(UpgradeIntents.all());
        intents.addAll(SemverIntents.all());
        return intents;
    }

    public App start() {
        bootstrapAdmin();
        int interrupted = agent.recoverInterruptedRuns();
        if (interrupted > 0) {
            LOG.atWarn()
                    .addKeyValue("operation", "AGENT_RUNS_INTERRUPTED")
                    .addKeyValue("runs", interrupted)
                    .log("{} agent runs were left running by an earlier process; marked interrupted", interrupted);
        }
        deployments.recover(); // before serving: crashed migrations are finished and residents run first
        gateway.start();
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
        if (started == null) {
            throw new IllegalStateException("not started");
        }
        return started.http().port();
    }

    /** The agent, for doors that run in-process (the CLI's chat, replay and export). */
    public Agent agent() {
        return agent;
    }

    public AppConfig config() {
        return config;
    }

    /** The database this app opened (the demo loader fills the demo database through the real services). */
    public Database database() {
        return database;
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
        gateway.close();
        deployments.close();
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
