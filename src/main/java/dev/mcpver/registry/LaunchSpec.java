package dev.mcpver.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How to run a server: a local process speaking stdio, or an HTTP endpoint (Streamable HTTP or SSE).
 *
 * @param transport {@code stdio}, {@code streamable-http} or {@code sse}
 * @param command the executable (stdio)
 * @param args its arguments (stdio)
 * @param env fixed, non-secret environment values (stdio); secrets are declared as variables, never given here
 * @param workingDir the process's working directory (stdio), if not the default
 * @param url the endpoint (HTTP transports)
 */
public record LaunchSpec(
        @JsonProperty("transport") String transport,
        @JsonProperty("command") @Nullable String command,
        @JsonProperty("args") List<String> args,
        @JsonProperty("env") Map<String, String> env,
        @JsonProperty("workingDir") @Nullable String workingDir,
        @JsonProperty("url") @Nullable String url) {
    public static final List<String> TRANSPORTS = List.of("stdio", "streamable-http", "sse");

    public LaunchSpec {
        if (transport == null || !TRANSPORTS.contains(transport)) {
            throw new IllegalArgumentException(
                    "launch.transport: expected one of " + TRANSPORTS + ", got \"" + transport + "\"");
        }
        args = args == null ? List.of() : List.copyOf(args);
        env = env == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(env));
        if (transport.equals("stdio")) {
            Checks.text(command, "launch.command", 1024);
            if (url != null) {
                throw new IllegalArgumentException("launch.url: a stdio server has no URL");
            }
        } else {
            Checks.httpUrl(url, "launch.url");
            if (command != null || !args.isEmpty() || !env.isEmpty() || workingDir != null) {
                throw new IllegalArgumentException(
                        "launch: an HTTP server has a url only (command, args, env and workingDir are for stdio)");
            }
        }
    }

    public static LaunchSpec stdio(String command, List<String> args) {
        return new LaunchSpec("stdio", command, args, Map.of(), null, null);
    }

    public static LaunchSpec http(String url) {
        return new LaunchSpec("streamable-http", null, List.of(), Map.of(), null, url);
    }
}
