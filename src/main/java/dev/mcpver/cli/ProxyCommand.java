package dev.mcpver.cli;

import dev.mcpver.SuppressForbidden;
import dev.mcpver.gateway.GatewayServlet;
import dev.mcpver.gateway.StdioBridge;
import dev.mcpver.json.Json;
import dev.mcpver.rollback.DeploymentId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mcpver proxy --server <server>[/<environment>]}: MCP over stdio for hosts that spawn a process, bridged to
 * the gateway of a running {@code mcpver serve}. stdout carries protocol messages only.
 */
@Command(
        name = "proxy",
        mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class,
        description = "Speak MCP over stdio to a managed server through the gateway of a running mcpver serve"
                + " (routing, A/B assignment and metrics as for HTTP agents).")
final class ProxyCommand implements Callable<Integer> {
    private final Map<String, String> env;
    private final @Nullable InputStream in;
    private final @Nullable OutputStream out;

    @Spec
    picocli.CommandLine.Model.@Nullable CommandSpec spec;

    @Option(
            names = "--server",
            required = true,
            paramLabel = "SERVER[/ENV]",
            description = "The deployment: server/environment, or a server with a single deployment.")
    String server = "";

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "Base URL of mcpver serve (env MCPVER_URL, default http://127.0.0.1:7070).")
    @Nullable
    String url;

    @Option(
            names = "--client-id",
            paramLabel = "ID",
            description = "Stable client id for sticky A/B assignment across sessions (default: per session).")
    @Nullable
    String clientId;

    ProxyCommand(Map<String, String> env) {
        this(env, null, null);
    }

    /** Bridges the given streams (tests). */
    ProxyCommand(Map<String, String> env, @Nullable InputStream in, @Nullable OutputStream out) {
        this.env = env;
        this.in = in;
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        URI endpoint = endpoint();
        InputStream input = in != null ? in : stdin();
        OutputStream output = out != null ? out : claimStdout();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        new StdioBridge(http, endpoint, env.get("MCPVER_TOKEN"), clientId, Json.create()).run(input, output);
        return Cli.OK;
    }

    private URI endpoint() {
        String base = url != null ? url : env.getOrDefault("MCPVER_URL", "http://127.0.0.1:7070");
        String path = server.contains("/") ? parse(server).toString() : server;
        if (!path.contains("/") && !path.matches("[A-Za-z0-9._-]+")) {
            throw invalid("--server: letters, digits, '.', '_' or '-', optionally /environment; got '" + server + "'");
        }
        try {
            URI uri = URI.create(base.replaceAll("/+$", "") + GatewayServlet.PREFIX + path);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw invalid("--url must be an http(s) URL, got '" + base + "'");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw invalid("--url is not a URL: '" + base + "'");
        }
    }

    private DeploymentId parse(String text) {
        try {
            return DeploymentId.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid("--server: " + e.getMessage());
        }
    }

    private ParameterException invalid(String message) {
        if (spec == null) {
            throw new IllegalArgumentException(message);
        }
        return new ParameterException(spec.commandLine(), message);
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
}
