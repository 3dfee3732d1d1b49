package dev.mcpver.cli;

import dev.mcpver.App;
import dev.mcpver.AppConfig;
import dev.mcpver.demo.DemoMode;
import dev.mcpver.demo.DemoSummary;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mcpver serve}: the HTTP API (and, as features land, MCP over HTTP and the web UI) on one port. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the HTTP service (loopback by default).")
final class ServeCommand implements Callable<Integer> {
    private final Map<String, String> env;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            description = "Interface to bind (env MCPVER_HOST, default 127.0.0.1).")
    @Nullable
    String host;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "TCP port, 0 = any free (env MCPVER_PORT, default 7070).")
    @Nullable
    String port;

    @Option(
            names = "--db",
            paramLabel = "PATH|URL",
            description = "SQLite file or jdbc:postgresql:// URL (env MCPVER_DB, default data/mcpver.db).")
    @Nullable
    String db;

    @Option(
            names = "--home",
            paramLabel = "DIR",
            description = "Directory for managed files (env MCPVER_HOME, default data).")
    @Nullable
    String home;

    @Option(
            names = "--log-level",
            paramLabel = "LEVEL",
            description = "trace|debug|info|warn|error|off (env MCPVER_LOG_LEVEL, default info).")
    @Nullable
    String logLevel;

    @Option(
            names = "--open-reads",
            paramLabel = "BOOL",
            description = "Anonymous callers may read (env MCPVER_OPEN_READS; default true only on loopback).")
    @Nullable
    String openReads;

    @Option(
            names = "--max-request-bytes",
            paramLabel = "SIZE",
            description = "Largest request body, e.g. 10m (env MCPVER_MAX_REQUEST_BYTES).")
    @Nullable
    String maxRequestBytes;

    @Option(
            names = "--mcp-allowed-origins",
            paramLabel = "LIST",
            description = "Origins the MCP endpoints accept, comma-separated (env MCPVER_MCP_ALLOWED_ORIGINS).")
    @Nullable
    String mcpAllowedOrigins;

    @Option(
            names = "--mcp-allowed-hosts",
            paramLabel = "LIST",
            description =
                    "Host headers the MCP endpoints accept, comma-separated; * = any (env MCPVER_MCP_ALLOWED_HOSTS).")
    @Nullable
    String mcpAllowedHosts;

    @Option(
            names = "--demo",
            description = "Serve a demo data set (reference MCP servers, an A/B experiment, agent conversations) from"
                    + " its own database, <home>/demo.db, recreated on every start; your database is not touched.")
    boolean demo;

    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    ServeCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        AppConfig config = AppConfig.load(env, flags());
        if (demo) {
            config = AppConfig.load(env, DemoMode.flags(config.home(), flags()));
        }
        PrintWriter console = spec == null ? null : spec.commandLine().getOut();
        // stdout shows a generated first admin token once; logs (stderr) never carry it.
        App app = new App(config, console);
        DemoSummary demoData = demo ? DemoMode.load(app) : null;
        app.start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "mcpver-shutdown"));
        if (demoData != null) {
            DemoMode.announce(demoData, app, console);
        }
        return Cli.KEEP_RUNNING;
    }

    private Map<String, String> flags() {
        Map<String, String> flags = new HashMap<>();
        putIfSet(flags, "host", host);
        putIfSet(flags, "port", port);
        putIfSet(flags, "db", db);
        putIfSet(flags, "home", home);
        putIfSet(flags, "log-level", logLevel);
        putIfSet(flags, "max-request-bytes", maxRequestBytes);
        putIfSet(flags, "open-reads", openReads);
        putIfSet(flags, "mcp-allowed-origins", mcpAllowedOrigins);
        putIfSet(flags, "mcp-allowed-hosts", mcpAllowedHosts);
        return flags;
    }

    private static void putIfSet(Map<String, String> flags, String key, @Nullable String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }
}
