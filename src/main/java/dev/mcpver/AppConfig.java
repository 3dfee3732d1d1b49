package dev.mcpver;

import dev.mcpver.agent.AgentSettings;
import dev.mcpver.log.LogLevel;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Validated configuration of one mcpver process. Built once by {@link #load}; every instance is valid.
 *
 * @param host interface to bind (loopback by default: nothing is exposed unless asked)
 * @param port TCP port; 0 picks a free one (tests)
 * @param databaseUrl JDBC URL: {@code jdbc:sqlite:<file>} (default) or {@code jdbc:postgresql://…}
 * @param home directory for files mcpver manages (deployments, rollback blobs, keys)
 * @param logLevel threshold of the JSON log lines on stderr
 * @param maxRequestBytes largest accepted HTTP request body
 * @param openReads anonymous callers may read (never write); defaults to true only when bound to loopback
 * @param bootstrapToken {@code MCPVER_BOOTSTRAP_TOKEN}: becomes the first admin token on first start (environment
 *     only, never a flag, so it stays out of process listings); redacted by {@link #toString()}
 * @param mcpAllowedOrigins browser origins the MCP endpoints accept ({@code Origin} header; absent is always fine)
 * @param mcpAllowedHosts {@code Host} header values the MCP endpoints accept; empty accepts any (DNS-rebinding
 *     protection off)
 * @param agent the agent's model, mode and limits ({@code MCPVER_AGENT_*}, {@code MCPVER_LLM_*})
 */
public record AppConfig(
        String host,
        int port,
        String databaseUrl,
        Path home,
        LogLevel logLevel,
        long maxRequestBytes,
        boolean openReads,
        @Nullable String bootstrapToken,
        List<String> mcpAllowedOrigins,
        List<String> mcpAllowedHosts,
        AgentSettings agent) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;
    public static final String DEFAULT_DB = "data/mcpver.db";
    public static final String DEFAULT_MCP_ORIGINS = "http://127.0.0.1:*,http://localhost:*,http://[::1]:*";
    public static final String DEFAULT_MCP_HOSTS = "127.0.0.1:*,localhost:*,[::1]:*";

    /** Shortest accepted bootstrap token: 32 characters of a random string carry enough entropy for a bearer. */
    public static final int MIN_BOOTSTRAP_TOKEN_LENGTH = 32;

    public AppConfig {
        if (host.isBlank()) {
            throw new ConfigException("invalid configuration: host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new ConfigException("invalid configuration: port " + port + " is outside 0-65535");
        }
        if (maxRequestBytes < 1024) {
            throw new ConfigException("invalid configuration: maxRequestBytes must be at least 1024");
        }
        mcpAllowedOrigins = List.copyOf(mcpAllowedOrigins);
        mcpAllowedHosts = List.copyOf(mcpAllowedHosts);
    }

    /**
     * Reads settings from flags (keys without dashes, e.g. {@code port}) and the environment, flags winning.
     *
     * @throws ConfigException naming the first bad setting
     */
    public static AppConfig load(Map<String, String> env, Map<String, String> flags) {
        Settings settings = new Settings(env, flags);
        String host = settings.get("host", "MCPVER_HOST", DEFAULT_HOST, AppConfig::host);
        return new AppConfig(
                host,
                settings.get("port", "MCPVER_PORT", String.valueOf(DEFAULT_PORT), AppConfig::port),
                settings.get("db", "MCPVER_DB", DEFAULT_DB, AppConfig::databaseUrl),
                settings.get("home", "MCPVER_HOME", "data", AppConfig::path),
                settings.get("log-level", "MCPVER_LOG_LEVEL", "info", AppConfig::logLevel),
                settings.get(
                        "max-request-bytes", "MCPVER_MAX_REQUEST_BYTES", String.valueOf(10L << 20), AppConfig::bytes),
                settings.get("open-reads", "MCPVER_OPEN_READS", String.valueOf(isLoopback(host)), AppConfig::bool),
                settings.env("MCPVER_BOOTSTRAP_TOKEN")
                        .map(AppConfig::bootstrapToken)
                        .orElse(null),
                settings.get(
                        "mcp-allowed-origins",
                        "MCPVER_MCP_ALLOWED_ORIGINS",
                        DEFAULT_MCP_ORIGINS,
                        raw -> patterns(raw, true)),
                settings.get(
                        "mcp-allowed-hosts",
                        "MCPVER_MCP_ALLOWED_HOSTS",
                        DEFAULT_MCP_HOSTS,
                        raw -> patterns(raw, false)),
                AgentConfig.load(settings));
    }

    /** Defaults only: loopback, port 7070, {@code data/mcpver.db}. */
    public static AppConfig defaults() {
        return load(Map.of(), Map.of());
    }

    public AppConfig withPort(int newPort) {
        return new AppConfig(
                host,
                newPort,
                databaseUrl,
                home,
                logLevel,
                maxRequestBytes,
                openReads,
                bootstrapToken,
                mcpAllowedOrigins,
                mcpAllowedHosts,
                agent);
    }

    public AppConfig withDatabaseUrl(String url) {
        return new AppConfig(
                host,
                port,
                url,
                home,
                logLevel,
                maxRequestBytes,
                openReads,
                bootstrapToken,
                mcpAllowedOrigins,
                mcpAllowedHosts,
                agent);
    }

    public AppConfig withHome(Path newHome) {
        return new AppConfig(
                host,
                port,
                databaseUrl,
                newHome,
                logLevel,
                maxRequestBytes,
                openReads,
                bootstrapToken,
                mcpAllowedOrigins,
                mcpAllowedHosts,
                agent);
    }

    public AppConfig withAgent(AgentSettings newAgent) {
        return new AppConfig(
                host,
                port,
                databaseUrl,
                home,
                logLevel,
                maxRequestBytes,
                openReads,
                bootstrapToken,
                mcpAllowedOrigins,
                mcpAllowedHosts,
                newAgent);
    }

    /** True when the server listens on a loopback interface only. */
    public boolean loopbackOnly() {
        return isLoopback(host);
    }

    /** Every setting except the bootstrap token's value, which is a secret. */
    @Override
    public String toString() {
        return "AppConfig[host=" + host + ", port=" + port + ", databaseUrl=" + databaseUrl + ", home=" + home
                + ", logLevel=" + logLevel + ", maxRequestBytes=" + maxRequestBytes + ", openReads=" + openReads
                + ", bootstrapToken=" + (bootstrapToken == null ? "unset" : "(redacted)") + ", mcpAllowedOrigins="
                + mcpAllowedOrigins + ", mcpAllowedHosts=" + mcpAllowedHosts + ", agent=" + agent + "]";
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("::1") || host.equals("localhost");
    }

    private static boolean bool(Settings.Raw raw) {
        String value = raw.value().trim().toLowerCase(Locale.ROOT);
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw raw.invalid("expected true or false");
    }

    /** Never echoes the value: a typo in a secret must not end up in a log or a terminal scrollback. */
    private static String bootstrapToken(String raw) {
        String value = raw.strip();
        if (value.length() < MIN_BOOTSTRAP_TOKEN_LENGTH || !value.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new ConfigException(
                    "invalid configuration: MCPVER_BOOTSTRAP_TOKEN: expected at least " + MIN_BOOTSTRAP_TOKEN_LENGTH
                            + " printable ASCII characters without spaces (the value is not shown)");
        }
        return value;
    }

    private static String host(Settings.Raw raw) {
        String value = raw.value().trim();
        if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
            throw raw.invalid("not a host name or address");
        }
        return value;
    }

    private static int port(Settings.Raw raw) {
        try {
            int value = Integer.parseInt(raw.value().trim());
            if (value >= 0 && value <= 65_535) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw raw.invalid("not a port number (0-65535)");
    }

    private static String databaseUrl(Settings.Raw raw) {
        String value = raw.value().trim();
        if (value.startsWith("jdbc:postgresql://") || value.startsWith("jdbc:sqlite:")) {
            return value;
        }
        if (value.startsWith("jdbc:")) {
            throw raw.invalid("only jdbc:sqlite: and jdbc:postgresql:// URLs are supported");
        }
        return "jdbc:sqlite:" + path(raw);
    }

    private static Path path(Settings.Raw raw) {
        try {
            if (raw.value().isBlank()) {
                throw raw.invalid("must not be empty");
            }
            return Path.of(raw.value().trim());
        } catch (InvalidPathException e) {
            throw raw.invalid("not a valid path (" + e.getReason() + ")");
        }
    }

    private static LogLevel logLevel(Settings.Raw raw) {
        return LogLevel.parse(raw.value())
                .orElseThrow(() -> raw.invalid("expected one of trace, debug, info, warn, error, off"));
    }

    /** Comma-separated allow-list entries such as {@code http://localhost:*}; hosts accept {@code *} for "any". */
    private static List<String> patterns(Settings.Raw raw, boolean origins) {
        if (raw.value().strip().equals("*")) {
            if (origins) {
                throw raw.invalid("list the origins to allow: '*' would let any web page call the MCP endpoints");
            }
            return List.of();
        }
        List<String> entries = new ArrayList<>();
        for (String entry : raw.value().split(",", -1)) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty() || trimmed.chars().anyMatch(Character::isWhitespace)) {
                throw raw.invalid("expected a comma-separated list without empty entries");
            }
            if (origins && !trimmed.contains("://")) {
                throw raw.invalid("'" + trimmed + "' is not an origin like http://localhost:*");
            }
            if (!origins && trimmed.contains("/")) {
                throw raw.invalid("'" + trimmed + "' is not a host like localhost:* or example.com:7070");
            }
            entries.add(trimmed);
        }
        return entries;
    }

    private static long bytes(Settings.Raw raw) {
        String value = raw.value().trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (value.endsWith("k") || value.endsWith("m")) {
            unit = value.endsWith("k") ? 1024 : 1024 * 1024;
            value = value.substring(0, value.length() - 1);
        }
        try {
            long parsed = Long.parseLong(value) * unit;
            if (parsed >= 1024) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw raw.invalid("expected a size of at least 1024 bytes, e.g. 10m, 512k or 1048576");
    }
}
