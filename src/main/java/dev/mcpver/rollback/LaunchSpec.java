package dev.mcpver.rollback;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How to start a release. The command runs in the release directory; two placeholders are expanded in the command,
 * arguments and URL: {@code ${release}} (the absolute release directory) and {@code ${port}} (a free loopback port
 * chosen at start, for HTTP servers).
 *
 * <pre>{@code
 * LaunchSpec.stdio("node", List.of("${release}/node_modules/my-server/dist/index.js"));
 * LaunchSpec.http("java", List.of("-jar", "${release}/server.jar", "--port", "${port}"), "http://127.0.0.1:${port}/mcp");
 * }</pre>
 *
 * @param transport {@code STDIO} (JSON-RPC over the process's stdin/stdout) or {@code HTTP} (Streamable HTTP)
 * @param command the executable
 * @param args its arguments
 * @param url the MCP endpoint for {@code HTTP}; null for {@code STDIO}
 * @param startupTimeoutMs how long the server may take to answer the MCP handshake after start
 */
public record LaunchSpec(
        Transport transport,
        String command,
        List<String> args,
        @Nullable String url,
        int startupTimeoutMs) {
    /** Default time a freshly started server gets to answer {@code initialize}. */
    public static final int DEFAULT_STARTUP_TIMEOUT_MS = 20_000;

    /** How mcpver talks MCP to the started process. */
    public enum Transport {
        STDIO,
        HTTP;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public LaunchSpec {
        if (command.isBlank()) {
            throw new IllegalArgumentException("launch command must not be blank");
        }
        args = List.copyOf(args);
        if (transport == Transport.HTTP
                && (url == null || !(url.startsWith("http://") || url.startsWith("https://")))) {
            throw new IllegalArgumentException("an http launch needs url: http(s)://host:port/path (may use ${port})");
        }
        if (transport == Transport.STDIO && url != null) {
            throw new IllegalArgumentException("a stdio launch has no url");
        }
        if (startupTimeoutMs < 100 || startupTimeoutMs > 600_000) {
            throw new IllegalArgumentException("startupTimeoutMs must be between 100 and 600000");
        }
    }

    public static LaunchSpec stdio(String command, List<String> args) {
        return new LaunchSpec(Transport.STDIO, command, args, null, DEFAULT_STARTUP_TIMEOUT_MS);
    }

    public static LaunchSpec http(String command, List<String> args, String url) {
        return new LaunchSpec(Transport.HTTP, command, args, url, DEFAULT_STARTUP_TIMEOUT_MS);
    }

    /** Whether the spec needs a port chosen at start. */
    public boolean usesPort() {
        return (url != null && url.contains("${port}"))
                || command.contains("${port}")
                || args.stream().anyMatch(a -> a.contains("${port}"));
    }

    /** The spec with placeholders expanded for one start. */
    public LaunchSpec expand(String releaseDirectory, int port) {
        return new LaunchSpec(
                transport,
                expand(command, releaseDirectory, port),
                args.stream().map(a -> expand(a, releaseDirectory, port)).toList(),
                url == null ? null : expand(url, releaseDirectory, port),
                startupTimeoutMs);
    }

    private static String expand(String text, String releaseDirectory, int port) {
        return text.replace("${release}", releaseDirectory).replace("${port}", String.valueOf(port));
    }
}
