package dev.mcpver.cli;

import dev.mcpver.BuildInfo;
import dev.mcpver.compat.Surface;
import dev.mcpver.compat.SurfaceWriter;
import dev.mcpver.compat.json.JsonWriter;
import dev.mcpver.json.Json;
import dev.mcpver.snapshot.LaunchSpec;
import dev.mcpver.snapshot.SnapshotException;
import dev.mcpver.snapshot.SnapshotOptions;
import dev.mcpver.snapshot.Snapshotter;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mcpver snapshot --stdio -- CMD [ARGS…]} or {@code mcpver snapshot --url URL}: connect as an MCP client and
 * write the server's surface file. A failing server is one line on stderr and exit code 1, never a hang.
 */
@Command(
        name = "snapshot",
        mixinStandardHelpOptions = true,
        description = "Take the surface of a live MCP server (stdio command or Streamable HTTP URL).",
        footer = {
            "",
            "Examples:",
            "  mcpver snapshot --stdio -o v1.json -- npx -y @modelcontextprotocol/server-everything",
            "  mcpver snapshot --url http://127.0.0.1:3001/mcp --package-version 1.2.0"
        })
final class SnapshotCommand implements Callable<Integer> {
    private final Map<String, String> env;

    @Option(names = "--stdio", description = "Start COMMAND and speak MCP over its stdin/stdout.")
    boolean stdio;

    @Option(names = "--url", paramLabel = "URL", description = "Streamable HTTP endpoint of a running server.")
    @Nullable
    String url;

    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "After --: the command and its arguments.")
    List<String> command = new ArrayList<>();

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write the surface here (default stdout).")
    @Nullable
    Path output;

    @Option(
            names = "--timeout",
            defaultValue = "60",
            paramLabel = "SECONDS",
            description = "Whole snapshot (default 60).")
    long timeoutSeconds = 60;

    @Option(names = "--no-probe", description = "Skip probing which protocol revisions are accepted.")
    boolean noProbe;

    @Option(names = "--name", paramLabel = "NAME", description = "Package name to record (default: serverInfo.name).")
    @Nullable
    String name;

    @Option(
            names = "--package-version",
            paramLabel = "VERSION",
            description = "Package version to record: what a later diff computes the declared bump from.")
    @Nullable
    String version;

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "Extra environment for the command; repeatable.")
    List<String> extraEnv = new ArrayList<>();

    @Option(names = "--header", paramLabel = "NAME:VALUE", description = "Extra HTTP header; repeatable.")
    List<String> headers = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    SnapshotCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        LaunchSpec launch = launch();
        if (timeoutSeconds < 1 || timeoutSeconds > SnapshotOptions.MAX_TIMEOUT.toSeconds()) {
            throw new IllegalArgumentException(
                    "--timeout must be between 1 and " + SnapshotOptions.MAX_TIMEOUT.toSeconds());
        }
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        Duration request = timeout.compareTo(Duration.ofSeconds(15)) < 0 ? timeout : Duration.ofSeconds(15);
        SnapshotOptions options = new SnapshotOptions(timeout, request, !noProbe, name, version);
        Snapshotter snapshotter = new Snapshotter(Json.create(), env, BuildInfo.version(), Clock.systemUTC());
        Surface surface;
        try {
            surface = snapshotter.snapshot(launch, options);
        } catch (SnapshotException e) {
            CommandLine commandLine = Objects.requireNonNull(spec).commandLine();
            commandLine.getErr().println("mcpver: snapshot failed: " + e.getMessage());
            return Cli.NEGATIVE;
        }
        write(JsonWriter.pretty(SurfaceWriter.write(surface)));
        return Cli.OK;
    }

    private LaunchSpec launch() {
        if (stdio == (url != null)) {
            throw new IllegalArgumentException("give either --stdio -- COMMAND [ARGS...] or --url URL");
        }
        if (url != null) {
            if (!command.isEmpty()) {
                throw new IllegalArgumentException("--url takes no COMMAND");
            }
            return new LaunchSpec.Http(URI.create(url), pairs(headers, ":", "--header"));
        }
        if (command.isEmpty()) {
            throw new IllegalArgumentException("--stdio needs a command after --, e.g. --stdio -- node server.js");
        }
        return new LaunchSpec.Stdio(
                command.get(0), command.subList(1, command.size()), pairs(extraEnv, "=", "--env"), null, true);
    }

    private static Map<String, String> pairs(List<String> items, String separator, String option) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String item : items) {
            int at = item.indexOf(separator);
            if (at <= 0) {
                throw new IllegalArgumentException(
                        option + " expects NAME" + separator + "VALUE, got \"" + item + "\"");
            }
            map.put(item.substring(0, at).strip(), item.substring(at + 1).strip());
        }
        return map;
    }

    private void write(String text) throws IOException {
        if (output != null) {
            Files.writeString(output, text, StandardCharsets.UTF_8);
            return;
        }
        PrintWriter out = Objects.requireNonNull(spec).commandLine().getOut();
        out.print(text);
        out.flush();
    }
}
