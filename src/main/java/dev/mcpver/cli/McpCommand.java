package dev.mcpver.cli;

import dev.mcpver.App;
import dev.mcpver.AppConfig;
import dev.mcpver.SuppressForbidden;
import dev.mcpver.mcp.McpStdio;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mcpver mcp}: MCP over stdio for hosts that spawn a process per session (Claude Desktop, IDEs). stdout
 * carries protocol messages only — the command moves {@code System.out} to stderr before anything else runs, so a
 * stray print cannot corrupt the stream — and the process exits 0 when the client closes stdin.
 */
@Command(
        name = "mcp",
        mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class,
        description = "Serve MCP over stdio (stdout carries the protocol only; logs go to stderr; exits on EOF).")
final class McpCommand implements Callable<Integer> {
    private final Map<String, String> env;
    private final @Nullable InputStream in;
    private final @Nullable OutputStream out;

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
            description = "trace|debug|info|warn|error|off on stderr (env MCPVER_LOG_LEVEL, default info).")
    @Nullable
    String logLevel;

    /** Serves the process's own stdin and stdout. */
    McpCommand(Map<String, String> env) {
        this(env, null, null);
    }

    /** Serves the given streams (tests). */
    McpCommand(Map<String, String> env, @Nullable InputStream in, @Nullable OutputStream out) {
        this.env = env;
        this.in = in;
        this.out = out;
    }

    @Override
    public Integer call() throws InterruptedException {
        InputStream input = in != null ? in : stdin();
        OutputStream output = out != null ? out : claimStdout();
        AppConfig config = AppConfig.load(env, flags());
        try (App app = new App(config)) {
            McpStdio.serve(app.mcpSurface(), input, output);
        }
        return Cli.OK;
    }

    @SuppressForbidden(reason = "stdio MCP: the protocol owns the process's stdin")
    private static InputStream stdin() {
        return System.in;
    }

    /** Takes the real stdout for the protocol and points {@code System.out} at stderr for everyone else. */
    @SuppressForbidden(reason = "stdio MCP: the protocol owns the process's stdout")
    private static OutputStream claimStdout() {
        PrintStream protocol = System.out;
        System.setOut(System.err);
        return protocol;
    }

    private Map<String, String> flags() {
        Map<String, String> flags = new HashMap<>();
        if (db != null) {
            flags.put("db", db);
        }
        if (home != null) {
            flags.put("home", home);
        }
        if (logLevel != null) {
            flags.put("log-level", logLevel);
        }
        return flags;
    }
}
