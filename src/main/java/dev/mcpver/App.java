package dev.mcpver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.f4b6a3.ulid.UlidCreator;
import dev.mcpver.abtest.ExperimentService;
import dev.mcpver.abtest.OutcomeListener;
import dev.mcpver.abtest.RecommendationRecorder;
import dev.mcpver.abtest.TemplateNarrativeWriter;
import dev.mcpver.auth.Authenticator;
import dev.mcpver.cli.Cli;
import dev.mcpver.http.Access;
import dev.mcpver.http.ErrorMapper;
import dev.mcpver.http.ExperimentRoutes;
import dev.mcpver.http.HttpServer;
import dev.mcpver.http.RouteGroup;
import dev.mcpver.http.SemverRoutes;
import dev.mcpver.http.SystemRoutes;
import dev.mcpver.http.ToolEndpoints;
import dev.mcpver.json.Json;
import dev.mcpver.log.JsonLogging;
import dev.mcpver.store.Database;
import dev.mcpver.store.ExperimentStore;
import dev.mcpver.store.MetaStore;
import dev.mcpver.tools.ExperimentTools;
import dev.mcpver.tools.SemverTools;
import dev.mcpver.tools.ToolCatalog;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
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

    public App(AppConfig config) {
        this.config = config;
        JsonLogging.setLevel(config.logLevel());
        Clock clock = Clock.systemUTC();
        ObjectMapper mapper = Json.create();
        this.database = Database.openMigrated(config.databaseUrl());
        MetaStore meta = new MetaStore(database, clock);
        String installationId = meta.getOrCreate(
                "installation_id", UlidCreator.getMonotonicUlid().toString());

        ExperimentService experiments = experiments(database, clock);
        ToolCatalog tools = new ToolCatalog(Stream.of(SemverTools.all(), new ExperimentTools(experiments).all())
                .flatMap(List::stream)
                .toList());
        Access access = new Access(Authenticator.none(), true);
        ToolEndpoints toolEndpoints = new ToolEndpoints(tools, access, mapper);

        List<RouteGroup> routes = List.of(
                new SystemRoutes(database, installationId),
                new SemverRoutes(toolEndpoints),
                new ExperimentRoutes(experiments, access, mapper));
        this.http = new HttpServer(config, mapper, new ErrorMapper(), access, routes, List.of());
    }

    /**
     * A/B experiments. The narrative writer is the offline template and nothing records recommendation traces
     * yet: the agent integration replaces both ({@link dev.mcpver.abtest.NarrativeWriter}, {@link
     * RecommendationRecorder}); a canary driver plugs in as the {@link OutcomeListener}.
     */
    public static ExperimentService experiments(Database database, Clock clock) {
        return new ExperimentService(
                new ExperimentStore(database, clock),
                clock,
                new SecureRandom(),
                () -> UlidCreator.getMonotonicUlid().toString(),
                OutcomeListener.none(),
                new TemplateNarrativeWriter(),
                RecommendationRecorder.none());
    }

    public App start() {
        http.start();
        LOG.atInfo()
                .addKeyValue("operation", "APP_START")
                .addKeyValue("version", BuildInfo.version())
                .addKeyValue("database", database.displayUrl())
                .log("mcpver {} ready", BuildInfo.version());
        return this;
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
