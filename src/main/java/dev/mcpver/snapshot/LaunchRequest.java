package dev.mcpver.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A launch spec as the HTTP API and the tools receive it (JSON), validated into a {@link LaunchSpec} plus {@link
 * SnapshotOptions}. The child process never inherits mcpver's environment here: it gets exactly {@code env}.
 *
 * <pre>{@code
 * {"transport": "stdio", "command": "node", "args": ["dist/index.js", "/data"], "env": {"LOG_LEVEL": "warn"},
 *  "timeoutSeconds": 60, "probeProtocols": true, "package": {"name": "@acme/server", "version": "1.2.0"}}
 * {"transport": "http", "url": "http://127.0.0.1:3001/mcp", "headers": {"Authorization": "Bearer …"}}
 * }</pre>
 */
public record LaunchRequest(LaunchSpec spec, SnapshotOptions options) {
    private static final int MAX_ARGS = 256;

    /** A launch spec that cannot be used; {@code field} is its JSON pointer. */
    public static final class InvalidLaunchSpec extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String field;

        InvalidLaunchSpec(String field, String message) {
            super(field + ": " + message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public static LaunchRequest parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new InvalidLaunchSpec("/", "expected a JSON object");
        }
        String transport = text(json, "transport", true);
        LaunchSpec spec =
                switch (transport) {
                    case "stdio" -> stdio(json);
                    case "http" -> http(json);
                    default ->
                        throw new InvalidLaunchSpec(
                                "/transport", "expected \"stdio\" or \"http\", found \"" + transport + "\"");
                };
        return new LaunchRequest(spec, options(json));
    }

    private static LaunchSpec.Stdio stdio(JsonNode json) {
        String command = text(json, "command", true);
        List<String> args = new ArrayList<>();
        JsonNode raw = json.path("args");
        if (!raw.isMissingNode() && !raw.isNull()) {
            if (!raw.isArray() || raw.size() > MAX_ARGS) {
                throw new InvalidLaunchSpec("/args", "expected an array of at most " + MAX_ARGS + " strings");
            }
            for (int i = 0; i < raw.size(); i++) {
                if (!raw.get(i).isTextual()) {
                    throw new InvalidLaunchSpec("/args/" + i, "expected a string");
                }
                args.add(raw.get(i).asText());
            }
        }
        return new LaunchSpec.Stdio(command, args, strings(json, "env"), null, false);
    }

    private static LaunchSpec.Http http(JsonNode json) {
        String url = text(json, "url", true);
        try {
            return new LaunchSpec.Http(URI.create(url), strings(json, "headers"));
        } catch (IllegalArgumentException e) {
            throw new InvalidLaunchSpec("/url", "expected an absolute http(s) URL");
        }
    }

    private static SnapshotOptions options(JsonNode json) {
        long seconds = json.path("timeoutSeconds").asLong(60);
        if (!json.path("timeoutSeconds").isMissingNode()
                        && !json.path("timeoutSeconds").canConvertToInt()
                || seconds < 1
                || seconds > SnapshotOptions.MAX_TIMEOUT.toSeconds()) {
            throw new InvalidLaunchSpec(
                    "/timeoutSeconds", "expected an integer from 1 to " + SnapshotOptions.MAX_TIMEOUT.toSeconds());
        }
        Duration timeout = Duration.ofSeconds(seconds);
        Duration request = timeout.compareTo(Duration.ofSeconds(15)) < 0 ? timeout : Duration.ofSeconds(15);
        JsonNode pkg = json.path("package");
        return new SnapshotOptions(
                timeout,
                request,
                json.path("probeProtocols").asBoolean(true),
                optionalText(pkg, "name", "/package/name"),
                optionalText(pkg, "version", "/package/version"));
    }

    private static String text(JsonNode json, String field, boolean required) {
        JsonNode value = json.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidLaunchSpec("/" + field, required ? "a non-empty string is required" : "expected a string");
        }
        return value.asText();
    }

    private static @Nullable String optionalText(JsonNode json, String field, String pointer) {
        JsonNode value = json.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidLaunchSpec(pointer, "expected a string");
        }
        return value.asText();
    }

    private static Map<String, String> strings(JsonNode json, String field) {
        Map<String, String> map = new LinkedHashMap<>();
        JsonNode raw = json.path(field);
        if (raw.isMissingNode() || raw.isNull()) {
            return map;
        }
        if (!raw.isObject()) {
            throw new InvalidLaunchSpec("/" + field, "expected an object of strings");
        }
        for (Map.Entry<String, JsonNode> entry : raw.properties()) {
            if (!entry.getValue().isTextual()) {
                throw new InvalidLaunchSpec("/" + field + "/" + entry.getKey(), "expected a string");
            }
            map.put(entry.getKey(), entry.getValue().asText());
        }
        return map;
    }
}
