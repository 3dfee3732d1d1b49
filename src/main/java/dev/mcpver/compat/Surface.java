package dev.mcpver.compat;

import dev.mcpver.compat.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Everything a client, an agent or an operator can depend on in one release of an MCP server (surface format {@link
 * #SCHEMA_VERSION}). Schemas and other free-form parts are kept as raw JSON; the analyzer canonicalises them.
 *
 * @param schemaVersion version of the surface format this was read from (captures are read as the current one)
 * @param server package identity: the published package name and version (what the declared bump is computed from)
 * @param serverInfo the server's {@code Implementation} as reported by {@code initialize} or {@code server/discover}
 * @param protocol accepted protocol revisions
 * @param capabilities the server capabilities object; {@code null} when not captured
 * @param instructions server instructions for the model
 * @param tools {@code tools/list}, all pages
 * @param prompts {@code prompts/list}
 * @param resources {@code resources/list}
 * @param resourceTemplates {@code resources/templates/list}
 * @param dependencies the dependency manifest and its resolution; {@code null} when not captured
 * @param config the operator contract (environment variables, arguments, transports); {@code null} when not captured
 * @param source provenance (how and from what the surface was taken); never compared
 */
public record Surface(
        int schemaVersion,
        PackageInfo server,
        JsonValue.JObject serverInfo,
        ProtocolInfo protocol,
        JsonValue.@Nullable JObject capabilities,
        @Nullable String instructions,
        Listing<Tool> tools,
        Listing<Prompt> prompts,
        Listing<Resource> resources,
        Listing<ResourceTemplate> resourceTemplates,
        @Nullable Dependencies dependencies,
        @Nullable Config config,
        JsonValue.JObject source) {

    /** The surface format version this build reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    /** The same surface under another package identity (e.g. the version a registry recorded it with). */
    public Surface withServer(PackageInfo newServer) {
        return new Surface(
                schemaVersion,
                newServer,
                serverInfo,
                protocol,
                capabilities,
                instructions,
                tools,
                prompts,
                resources,
                resourceTemplates,
                dependencies,
                config,
                source);
    }

    /**
     * Package identity.
     *
     * @param name package or server name
     * @param version published version (semver recommended)
     * @param mcpName registry ownership name ({@code server.json}/{@code package.json} {@code mcpName})
     */
    public record PackageInfo(
            @Nullable String name,
            @Nullable String version,
            @Nullable String mcpName) {
        public static final PackageInfo EMPTY = new PackageInfo(null, null, null);
    }

    /**
     * Protocol revisions.
     *
     * @param versions revisions the server accepted (sorted); meaningful only when {@code probed}
     * @param probed whether the set was observed (probing {@code initialize}, or {@code server/discover})
     * @param negotiated the revision of the capture's {@code initialize}, if any
     */
    public record ProtocolInfo(
            List<String> versions, boolean probed, @Nullable String negotiated) {
        public static final ProtocolInfo UNKNOWN = new ProtocolInfo(List.of(), false, null);

        public ProtocolInfo {
            versions = List.copyOf(new java.util.TreeSet<>(versions));
        }
    }

    /** Whether a list was captured, and with what. */
    public enum ListState {
        /** Not part of the input: nothing is compared. */
        UNKNOWN,
        /** The capability is absent: compared as an empty list. */
        ABSENT,
        PRESENT
    }

    /** A captured list (all pages). */
    public record Listing<T>(ListState state, List<T> items) {
        public Listing {
            items = List.copyOf(items);
            if (state != ListState.PRESENT && !items.isEmpty()) {
                throw new IllegalArgumentException("only a present listing has items");
            }
        }

        public static <T> Listing<T> unknown() {
            return new Listing<>(ListState.UNKNOWN, List.of());
        }

        public static <T> Listing<T> absent() {
            return new Listing<>(ListState.ABSENT, List.of());
        }

        public static <T> Listing<T> of(List<T> items) {
            return new Listing<>(ListState.PRESENT, items);
        }

        public boolean known() {
            return state != ListState.UNKNOWN;
        }
    }

    /** One tool, as listed. */
    public record Tool(
            String name,
            @Nullable String title,
            @Nullable String description,
            JsonValue inputSchema,
            @Nullable JsonValue outputSchema,
            JsonValue.@Nullable JObject annotations,
            JsonValue.@Nullable JObject execution,
            @Nullable JsonValue icons,
            JsonValue.@Nullable JObject meta) {}

    /** One prompt argument. */
    public record PromptArgument(
            String name, @Nullable String title, @Nullable String description, boolean required) {}

    /** One prompt. */
    public record Prompt(
            String name,
            @Nullable String title,
            @Nullable String description,
            List<PromptArgument> arguments,
            @Nullable JsonValue icons,
            JsonValue.@Nullable JObject meta) {
        public Prompt(
                String name,
                @Nullable String title,
                @Nullable String description,
                List<PromptArgument> arguments,
                @Nullable JsonValue icons,
                JsonValue.@Nullable JObject meta) {
            this.name = name;
            this.title = title;
            this.description = description;
            this.arguments = List.copyOf(arguments);
            this.icons = icons;
            this.meta = meta;
        }
    }

    /** One listed static resource. */
    public record Resource(
            String uri,
            @Nullable String name,
            @Nullable String title,
            @Nullable String description,
            @Nullable String mimeType,
            @Nullable JsonValue size,
            JsonValue.@Nullable JObject annotations,
            @Nullable JsonValue icons,
            JsonValue.@Nullable JObject meta) {}

    /** One resource template (RFC 6570). */
    public record ResourceTemplate(
            String uriTemplate,
            @Nullable String name,
            @Nullable String title,
            @Nullable String description,
            @Nullable String mimeType,
            JsonValue.@Nullable JObject annotations,
            @Nullable JsonValue icons,
            JsonValue.@Nullable JObject meta) {}

    /**
     * The dependency manifest and its resolution.
     *
     * @param ecosystem {@code npm}, {@code pypi}, {@code maven}, …
     * @param declared declared name → range
     * @param resolved resolved name → version
     * @param engines runtime → range (e.g. {@code node → >=18})
     * @param undeclaredImports imported but undeclared name → resolved version
     */
    public record Dependencies(
            @Nullable String ecosystem,
            SortedMap<String, String> declared,
            SortedMap<String, String> resolved,
            SortedMap<String, String> engines,
            SortedMap<String, String> undeclaredImports) {
        public Dependencies {
            declared = sorted(declared);
            resolved = sorted(resolved);
            engines = sorted(engines);
            undeclaredImports = sorted(undeclaredImports);
        }

        private static SortedMap<String, String> sorted(Map<String, String> map) {
            return java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map));
        }
    }

    /**
     * One environment variable of the operator contract.
     *
     * @param defaultValue the default used when unset (never a secret's value)
     * @param choices allowed values, when restricted
     */
    public record EnvVar(
            String name,
            boolean required,
            boolean secret,
            @Nullable String defaultValue,
            @Nullable String description,
            @Nullable List<String> choices,
            @Nullable String format) {
        public EnvVar {
            choices = choices == null ? null : List.copyOf(choices);
        }
    }

    /**
     * One package or runtime argument ({@code server.json} {@code packageArguments}/{@code runtimeArguments}).
     *
     * @param name the named argument ({@code --flag}) or, for positional ones, their value hint or position
     * @param positional positional rather than named
     * @param runtime a runtime argument (for the runtime, e.g. {@code node}) rather than a package argument
     */
    public record ConfigArgument(
            String name,
            boolean positional,
            boolean runtime,
            boolean required,
            boolean repeated,
            @Nullable String defaultValue,
            @Nullable List<String> choices,
            @Nullable String description) {
        public ConfigArgument {
            choices = choices == null ? null : List.copyOf(choices);
        }

        /** Identity across releases: scope and name. */
        public String key() {
            return (runtime ? "runtime:" : "") + name;
        }
    }

    /**
     * The operator contract; each list is {@code null} when that part was not captured.
     *
     * @param transports transport and remote types offered ({@code stdio}, {@code streamable-http}, {@code sse})
     */
    public record Config(
            @Nullable List<EnvVar> env,
            @Nullable List<ConfigArgument> arguments,
            @Nullable List<String> transports) {
        public Config {
            env = env == null ? null : List.copyOf(env);
            arguments = arguments == null ? null : List.copyOf(arguments);
            transports = transports == null ? null : List.copyOf(transports);
        }
    }
}
