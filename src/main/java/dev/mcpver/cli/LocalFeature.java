package dev.mcpver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.AppConfig;
import dev.mcpver.DeploymentWiring;
import dev.mcpver.RegistryWiring;
import dev.mcpver.auth.Caller;
import dev.mcpver.json.Json;
import dev.mcpver.log.JsonLogging;
import dev.mcpver.store.Database;
import dev.mcpver.tools.ToolCatalog;
import dev.mcpver.tools.ToolContext;
import dev.mcpver.tools.ToolOutcome;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The deployment feature for one CLI invocation: the database ({@code --db}) and {@code MCPVER_HOME}
 * ({@code --home}), wired without resident processes (a CLI run validates with short-lived ones). Commands call the
 * same catalog tools as the HTTP API and print their JSON; the local user acts as admin. State-changing tools that
 * need a human's confirmation run only with {@code --yes}.
 */
final class LocalFeature implements AutoCloseable {
    /** picocli mixin: where the data lives. */
    static final class Location {
        @Option(
                names = "--db",
                paramLabel = "PATH|URL",
                description = "SQLite file or jdbc:postgresql:// URL (env MCPVER_DB).")
        @Nullable
        String db;

        @Option(
                names = "--home",
                paramLabel = "DIR",
                description = "Directory of releases and blobs (env MCPVER_HOME).")
        @Nullable
        String home;
    }

    private final DeploymentWiring wiring;
    private final ToolCatalog catalog;

    private LocalFeature(DeploymentWiring wiring) {
        this.wiring = wiring;
        this.catalog = new ToolCatalog(wiring.tools());
    }

    static LocalFeature open(Map<String, String> env, Location location) {
        Map<String, String> flags = new HashMap<>();
        if (location.db != null) {
            flags.put("db", location.db);
        }
        if (location.home != null) {
            flags.put("home", location.home);
        }
        if (!env.containsKey("MCPVER_LOG_LEVEL")) {
            flags.put("log-level", "warn");
        }
        AppConfig config = AppConfig.load(env, flags);
        JsonLogging.setLevel(config.logLevel());
        Database database = Database.openMigrated(config.databaseUrl());
        Clock clock = Clock.systemUTC();
        RegistryWiring registry = new RegistryWiring(database, clock, config.home());
        return new LocalFeature(new DeploymentWiring(
                database,
                registry.audit(),
                config.home(),
                env,
                clock,
                false,
                DeploymentWiring.analyzer(database, clock),
                registry.registry()));
    }

    DeploymentWiring wiring() {
        return wiring;
    }

    /**
     * Runs a tool; prints its JSON (stdout) or one error line (stderr). Exit codes: 0 ok, 1 a negative answer or a
     * refusal, 2 invalid input or a missing {@code --yes}.
     */
    int run(
            String tool,
            JsonNode arguments,
            boolean yes,
            PrintWriter out,
            PrintWriter err,
            Predicate<JsonNode> negative) {
        boolean needsYes = catalog.find(tool).map(t -> t.requiresConfirmation()).orElse(false);
        if (needsYes && !yes) {
            err.println("mcpver: " + tool.replace('_', ' ') + " changes a deployment; re-run with --yes to confirm");
            return Cli.INVALID;
        }
        ToolContext context = ToolContext.of(Caller.localAdmin(), "cli");
        ToolOutcome outcome = catalog.call(tool, arguments, yes ? context.confirm() : context);
        if (outcome instanceof ToolOutcome.Ok ok) {
            out.println(Json.write(ok.result()));
            out.flush();
            return negative.test(ok.result()) ? Cli.NEGATIVE : Cli.OK;
        }
        ToolOutcome.Failed failed = (ToolOutcome.Failed) outcome;
        err.println("mcpver: " + failed.message().replace('\n', ' '));
        return failed.code().equals("invalid_arguments") ? Cli.INVALID : Cli.NEGATIVE;
    }

    @Override
    public void close() {
        wiring.close();
    }
}
