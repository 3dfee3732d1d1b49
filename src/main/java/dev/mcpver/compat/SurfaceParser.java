package dev.mcpver.compat;

import dev.mcpver.compat.json.JsonPointer;
import dev.mcpver.compat.json.JsonValue;
import dev.mcpver.compat.json.JsonWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@link Surface} from JSON. Accepts, by shape:
 *
 * <ul>
 *   <li>a surface file ({@code schemaVersion} present; see {@code docs/surface-format.md});
 *   <li>a capture object with any of {@code server}, {@code initialize}, {@code discover}, {@code
 *       supportedProtocolVersions}, {@code tools}, {@code prompts}, {@code resources}, {@code resourceTemplates}
 *       (arrays as listed, or {@code null} when the capability is absent), {@code dependencies}, {@code config};
 *   <li>a raw MCP result on its own — {@code tools/list}, {@code prompts/list}, {@code resources/list}, {@code
 *       resources/templates/list}, {@code initialize} or {@code server/discover} — optionally in its JSON-RPC
 *       response envelope.
 * </ul>
 *
 * Unknown members are ignored (forward compatibility). Structural errors throw {@link SurfaceException} naming the
 * JSON pointer.
 */
public final class SurfaceParser {
    private static final Set<String> CAPTURE_KEYS = Set.of(
            "server",
            "initialize",
            "discover",
            "supportedProtocolVersions",
            "tools",
            "prompts",
            "resources",
            "resourceTemplates",
            "dependencies",
            "config");

    private SurfaceParser() {}

    public static Surface parse(JsonValue root) {
        ObjectReader top = ObjectReader.of(root, "");
        if (top.has("jsonrpc") && top.present("result")) {
            return parse(top.raw("result").orElseThrow(), "/result");
        }
        return parse(root, "");
    }

    private static Surface parse(JsonValue root, String pointer) {
        ObjectReader top = ObjectReader.of(root, pointer);
        if (top.has("schemaVersion")) {
            return surfaceFile(top);
        }
        if (top.has("protocolVersion") && top.has("capabilities")) {
            return capture(wrap("initialize", top.object()), pointer);
        }
        if (top.has("supportedVersions")) {
            return capture(wrap("discover", top.object()), pointer);
        }
        if (top.object().members().keySet().stream().anyMatch(CAPTURE_KEYS::contains)) {
            return capture(top, pointer);
        }
        throw new SurfaceException(
                pointer,
                "not a surface: expected \"schemaVersion\" (a surface file), capture keys "
                        + "(server, initialize, tools, …) or a raw MCP list/initialize/discover result");
    }

    private static ObjectReader wrap(String key, JsonValue.JObject value) {
        return new ObjectReader(new JsonValue.JObject(Map.of(key, value)), "");
    }

    // ----------------------------------------------------------------------------------------- surface files

    private static Surface surfaceFile(ObjectReader top) {
        int version = schemaVersion(top);
        ObjectReader protocol = top.object("protocol").orElse(null);
        Surface.ProtocolInfo protocolInfo = protocol == null
                ? Surface.ProtocolInfo.UNKNOWN
                : new Surface.ProtocolInfo(
                        protocol.strings("versions").orElse(List.of()),
                        protocol.bool("probed", false),
                        protocol.stringOrNull("negotiated"));
        return new Surface(
                version,
                packageInfo(top.object("server").orElse(null)),
                objectOrEmpty(top, "serverInfo"),
                protocolInfo,
                top.objectOrNull("capabilities"),
                top.stringOrNull("instructions"),
                listing(top, "tools", SurfaceParser::tool, null),
                listing(top, "prompts", SurfaceParser::prompt, null),
                listing(top, "resources", SurfaceParser::resource, null),
                listing(top, "resourceTemplates", SurfaceParser::template, null),
                top.object("dependencies").map(SurfaceParser::dependencies).orElse(null),
                top.object("config").map(SurfaceParser::config).orElse(null),
                objectOrEmpty(top, "source"));
    }

    private static int schemaVersion(ObjectReader top) {
        JsonValue raw = top.object().members().get("schemaVersion");
        if (raw instanceof JsonValue.JNumber number && number.isIntegral()) {
            int version = number.value().intValue();
            if (version >= 1 && version <= Surface.SCHEMA_VERSION) {
                return version;
            }
            throw new SurfaceException(
                    top.at("schemaVersion"),
                    "unsupported surface schemaVersion " + version + " (this mcpver reads 1 to "
                            + Surface.SCHEMA_VERSION + ")");
        }
        throw new SurfaceException(top.at("schemaVersion"), "expected an integer");
    }

    private static JsonValue.JObject objectOrEmpty(ObjectReader reader, String key) {
        JsonValue.JObject object = reader.objectOrNull(key);
        return object == null ? JsonValue.JObject.EMPTY : object;
    }

    private static Surface.PackageInfo packageInfo(@Nullable ObjectReader server) {
        if (server == null) {
            return Surface.PackageInfo.EMPTY;
        }
        return new Surface.PackageInfo(
                server.stringOrNull("name"), server.stringOrNull("version"), server.stringOrNull("mcpName"));
    }

    // ----------------------------------------------------------------------------------------- captures

    private static Surface capture(ObjectReader top, String pointer) {
        ObjectReader initialize = top.object("initialize").orElse(null);
        ObjectReader discover = top.object("discover").orElse(null);
        JsonValue.JObject capabilities = firstObject(initialize, discover, "capabilities");
        return new Surface(
                Surface.SCHEMA_VERSION,
                packageInfo(top.object("server").orElse(null)),
                serverInfo(initialize, discover),
                protocol(top, initialize, discover),
                capabilities,
                firstString(initialize, discover, "instructions"),
                listing(top, "tools", SurfaceParser::tool, absentBy(capabilities, "tools")),
                listing(top, "prompts", SurfaceParser::prompt, absentBy(capabilities, "prompts")),
                listing(top, "resources", SurfaceParser::resource, absentBy(capabilities, "resources")),
                listing(top, "resourceTemplates", SurfaceParser::template, absentBy(capabilities, "resources")),
                top.object("dependencies").map(SurfaceParser::dependencies).orElse(null),
                top.object("config").map(SurfaceParser::config).orElse(null),
                new JsonValue.JObject(Map.of("kind", JsonValue.of("capture"))));
    }

    /** A list missing from the capture is absent when the captured capabilities do not offer it. */
    private static @Nullable Boolean absentBy(JsonValue.@Nullable JObject capabilities, String capability) {
        return capabilities == null ? null : !capabilities.has(capability);
    }

    private static JsonValue.JObject serverInfo(@Nullable ObjectReader initialize, @Nullable ObjectReader discover) {
        JsonValue.JObject info = firstObject(initialize, discover, "serverInfo");
        return info == null ? JsonValue.JObject.EMPTY : info;
    }

    private static JsonValue.@Nullable JObject firstObject(
            @Nullable ObjectReader a, @Nullable ObjectReader b, String key) {
        JsonValue.JObject value = a == null ? null : a.objectOrNull(key);
        return value != null || b == null ? value : b.objectOrNull(key);
    }

    private static @Nullable String firstString(@Nullable ObjectReader a, @Nullable ObjectReader b, String key) {
        String value = a == null ? null : a.stringOrNull(key);
        return value != null || b == null ? value : b.stringOrNull(key);
    }

    private static Surface.ProtocolInfo protocol(
            ObjectReader top, @Nullable ObjectReader initialize, @Nullable ObjectReader discover) {
        TreeSet<String> versions = new TreeSet<>();
        boolean probed = false;
        Optional<List<String>> probedList = top.strings("supportedProtocolVersions");
        if (probedList.isPresent()) {
            versions.addAll(probedList.get());
            probed = true;
        }
        Optional<List<String>> discovered = discover == null ? Optional.empty() : discover.strings("supportedVersions");
        if (discovered.isPresent()) {
            versions.addAll(discovered.get());
            probed = true;
        }
        String negotiated = initialize == null ? null : initialize.stringOrNull("protocolVersion");
        if (negotiated != null && probed) {
            versions.add(negotiated);
        }
        return new Surface.ProtocolInfo(List.copyOf(versions), probed, negotiated);
    }

    // ----------------------------------------------------------------------------------------- lists

    /**
     * A list member: an array (present), JSON null (absent capability), a raw list result object ({@code {"tools":
     * [...], "nextCursor": …}}), or missing (unknown, unless {@code absentWhenMissing} says the capability is off).
     */
    private static <T> Surface.Listing<T> listing(
            ObjectReader top,
            String key,
            BiFunction<ObjectReader, Integer, T> item,
            @Nullable Boolean absentWhenMissing) {
        Surface.Listing<T> listing = listingOf(top, key, item, absentWhenMissing);
        unique(listing.items(), SurfaceParser::identity, listingPointer(top, key), identityField(key));
        return listing;
    }

    private static String listingPointer(ObjectReader top, String key) {
        JsonValue value = top.object().members().get(key);
        return value instanceof JsonValue.JObject ? JsonPointer.append(top.at(key), key) : top.at(key);
    }

    private static String identityField(String key) {
        return switch (key) {
            case "resources" -> "uri";
            case "resourceTemplates" -> "uriTemplate";
            default -> "name";
        };
    }

    private static String identity(Object item) {
        if (item instanceof Surface.Tool tool) {
            return tool.name();
        }
        if (item instanceof Surface.Prompt prompt) {
            return prompt.name();
        }
        if (item instanceof Surface.Resource resource) {
            return resource.uri();
        }
        return ((Surface.ResourceTemplate) item).uriTemplate();
    }

    private static <T> Surface.Listing<T> listingOf(
            ObjectReader top,
            String key,
            BiFunction<ObjectReader, Integer, T> item,
            @Nullable Boolean absentWhenMissing) {
        if (!top.has(key)) {
            return Boolean.TRUE.equals(absentWhenMissing) ? Surface.Listing.absent() : Surface.Listing.unknown();
        }
        JsonValue value = top.object().members().get(key);
        String at = top.at(key);
        if (value instanceof JsonValue.JNull) {
            return Surface.Listing.absent();
        }
        if (value instanceof JsonValue.JObject result && result.has(key)) {
            return listingOf(new ObjectReader(result, at), key, item, absentWhenMissing);
        }
        if (!(value instanceof JsonValue.JArray array)) {
            throw new SurfaceException(at, "expected an array (or null when the capability is absent)");
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < array.items().size(); i++) {
            items.add(item.apply(ObjectReader.of(array.items().get(i), JsonPointer.append(at, i)), i));
        }
        return Surface.Listing.of(items);
    }

    private static Surface.Tool tool(ObjectReader t, int index) {
        JsonValue input = t.object().members().get("inputSchema");
        return new Surface.Tool(
                t.requiredString("name"),
                t.stringOrNull("title"),
                t.stringOrNull("description"),
                input == null ? JsonValue.NULL : input,
                t.raw("outputSchema").orElse(null),
                t.objectOrNull("annotations"),
                t.objectOrNull("execution"),
                t.raw("icons").orElse(null),
                t.objectOrNull("_meta"));
    }

    private static Surface.Prompt prompt(ObjectReader p, int index) {
        List<Surface.PromptArgument> arguments = new ArrayList<>();
        List<JsonValue> raw = p.array("arguments").orElse(List.of());
        for (int i = 0; i < raw.size(); i++) {
            ObjectReader a = ObjectReader.of(raw.get(i), JsonPointer.append(p.at("arguments"), i));
            arguments.add(new Surface.PromptArgument(
                    a.requiredString("name"),
                    a.stringOrNull("title"),
                    a.stringOrNull("description"),
                    a.bool("required", false)));
        }
        return new Surface.Prompt(
                p.requiredString("name"),
                p.stringOrNull("title"),
                p.stringOrNull("description"),
                arguments,
                p.raw("icons").orElse(null),
                p.objectOrNull("_meta"));
    }

    private static Surface.Resource resource(ObjectReader r, int index) {
        return new Surface.Resource(
                r.requiredString("uri"),
                r.stringOrNull("name"),
                r.stringOrNull("title"),
                r.stringOrNull("description"),
                r.stringOrNull("mimeType"),
                r.raw("size").orElse(null),
                r.objectOrNull("annotations"),
                r.raw("icons").orElse(null),
                r.objectOrNull("_meta"));
    }

    private static Surface.ResourceTemplate template(ObjectReader r, int index) {
        return new Surface.ResourceTemplate(
                r.requiredString("uriTemplate"),
                r.stringOrNull("name"),
                r.stringOrNull("title"),
                r.stringOrNull("description"),
                r.stringOrNull("mimeType"),
                r.objectOrNull("annotations"),
                r.raw("icons").orElse(null),
                r.objectOrNull("_meta"));
    }

    // ----------------------------------------------------------------------------------------- manifest, config

    private static Surface.Dependencies dependencies(ObjectReader d) {
        return new Surface.Dependencies(
                d.stringOrNull("ecosystem"),
                d.stringMap("declared"),
                d.stringMap("resolved"),
                d.stringMap("engines"),
                d.stringMap("undeclaredImports"));
    }

    /** Capture style ({@code env}, {@code arguments}, {@code transports}) or a registry {@code server.json}. */
    private static Surface.Config config(ObjectReader c) {
        if (c.has("packages") || c.has("remotes")) {
            return ServerJson.config(c);
        }
        List<Surface.EnvVar> env = c.array("env").isPresent() || c.has("environmentVariables")
                ? envVars(c, c.has("env") ? "env" : "environmentVariables")
                : null;
        List<Surface.ConfigArgument> arguments = c.array("arguments")
                .map(list -> arguments(c, "arguments", false))
                .orElse(null);
        return new Surface.Config(env, arguments, c.strings("transports").orElse(null));
    }

    static List<Surface.EnvVar> envVars(ObjectReader c, String key) {
        List<Surface.EnvVar> env = items(
                c,
                key,
                (e, i) -> new Surface.EnvVar(
                        e.requiredString("name"),
                        e.bool("required", e.bool("isRequired", false)),
                        e.bool("secret", e.bool("isSecret", false)),
                        scalar(e, "default"),
                        e.stringOrNull("description"),
                        e.strings("choices").orElse(null),
                        e.stringOrNull("format")));
        unique(env, Surface.EnvVar::name, c.at(key), "name");
        return env;
    }

    static List<Surface.ConfigArgument> arguments(ObjectReader c, String key, boolean runtime) {
        List<Surface.ConfigArgument> arguments = items(c, key, (a, i) -> {
            boolean positional = "positional".equals(a.stringOrNull("type"));
            String name = a.string("name").or(() -> a.string("valueHint")).orElse("#" + i);
            return new Surface.ConfigArgument(
                    name,
                    positional,
                    a.bool("runtime", runtime),
                    a.bool("required", a.bool("isRequired", false)),
                    a.bool("repeated", a.bool("isRepeated", false)),
                    scalar(a, "default"),
                    a.strings("choices").orElse(null),
                    a.stringOrNull("description"));
        });
        unique(arguments, Surface.ConfigArgument::key, c.at(key), "name");
        return arguments;
    }

    static <T> List<T> items(ObjectReader c, String key, BiFunction<ObjectReader, Integer, T> read) {
        List<JsonValue> raw = c.array(key).orElse(List.of());
        List<T> items = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            items.add(read.apply(ObjectReader.of(raw.get(i), JsonPointer.append(c.at(key), i)), i));
        }
        return items;
    }

    /** Names must be unique within a list: the analyzer matches items by them. */
    static <T> void unique(List<T> items, Function<T, String> key, String at, String field) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Integer first = seen.putIfAbsent(key.apply(items.get(i)), i);
            if (first != null) {
                throw new SurfaceException(
                        JsonPointer.append(JsonPointer.append(at, i), field),
                        "duplicate " + field + " '" + key.apply(items.get(i)) + "' (first at "
                                + JsonPointer.append(at, first) + ")");
            }
        }
    }

    private static @Nullable String scalar(ObjectReader r, String key) {
        Optional<JsonValue> value = r.raw(key);
        if (value.isEmpty()) {
            return null;
        }
        return value.get() instanceof JsonValue.JString text ? text.value() : JsonWriter.compact(value.get());
    }
}
