package dev.mcpver.snapshot;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** How to reach the server to snapshot: a command to start (stdio) or a Streamable HTTP endpoint. */
public sealed interface LaunchSpec {

    /** A human-readable description for provenance and messages (never includes environment values). */
    String describe();

    /**
     * Start {@code command} with {@code args}; the child gets exactly {@code env} (plus {@code PATH} and, from the
     * CLI, the caller's environment when {@code inheritEnvironment}).
     *
     * @param workingDirectory where to start it; a fresh temporary directory when null
     */
    record Stdio(
            String command,
            List<String> args,
            Map<String, String> env,
            @Nullable Path workingDirectory,
            boolean inheritEnvironment)
            implements LaunchSpec {
        public Stdio {
            if (command.isBlank()) {
                throw new IllegalArgumentException("command must not be blank");
            }
            args = List.copyOf(args);
            env = Map.copyOf(new TreeMap<>(env));
        }

        @Override
        public String describe() {
            return args.isEmpty() ? command : command + " " + String.join(" ", args);
        }
    }

    /**
     * Connect to {@code url}; redirects are not followed.
     *
     * @param headers extra request headers (e.g. {@code Authorization}); never written to snapshots or logs
     */
    record Http(URI url, Map<String, String> headers) implements LaunchSpec {
        public Http {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
                throw new IllegalArgumentException("url must be an absolute http(s) URL: " + url);
            }
            headers = Map.copyOf(new TreeMap<>(headers));
        }

        /** Without user info and query, which may carry credentials. */
        @Override
        public String describe() {
            return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                    + (url.getRawPath() == null ? "" : url.getRawPath());
        }
    }
}
