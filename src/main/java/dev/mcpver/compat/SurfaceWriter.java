package dev.mcpver.compat;

import dev.mcpver.compat.json.JsonObjectBuilder;
import dev.mcpver.compat.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Writes a {@link Surface} as a surface file (format {@link Surface#SCHEMA_VERSION}); the inverse of the parser. */
public final class SurfaceWriter {
    private SurfaceWriter() {}

    public static JsonValue.JObject write(Surface s) {
        JsonObjectBuilder out = JsonObjectBuilder.object()
                .put("schemaVersion", Surface.SCHEMA_VERSION)
                .put("server", server(s.server()))
                .put("serverInfo", s.serverInfo())
                .put("protocol", protocol(s.protocol()));
        out.putIfPresent("capabilities", s.capabilities());
        out.putIfPresent("instructions", s.instructions());
        listing(out, "tools", s.tools(), SurfaceWriter::tool);
        listing(out, "prompts", s.prompts(), SurfaceWriter::prompt);
        listing(out, "resources", s.resources(), SurfaceWriter::resource);
        listing(out, "resourceTemplates", s.resourceTemplates(), SurfaceWriter::template);
        if (s.dependencies() != null) {
            out.put("dependencies", dependencies(s.dependencies()));
        }
        if (s.config() != null) {
            out.put("config", config(s.config()));
        }
        if (!s.source().members().isEmpty()) {
            out.put("source", s.source());
        }
        return out.build();
    }

    private static JsonValue server(Surface.PackageInfo p) {
        return JsonObjectBuilder.object()
                .putIfPresent("name", p.name())
                .putIfPresent("version", p.version())
                .putIfPresent("mcpName", p.mcpName())
                .build();
    }

    private static JsonValue protocol(Surface.ProtocolInfo p) {
        return JsonObjectBuilder.object()
                .putStrings("versions", p.versions())
                .put("probed", p.probed())
                .putIfPresent("negotiated", p.negotiated())
                .build();
    }

    private static <T> void listing(
            JsonObjectBuilder out, String key, Surface.Listing<T> listing, Function<T, JsonValue> item) {
        if (listing.state() == Surface.ListState.ABSENT) {
            out.put(key, (JsonValue) null);
        } else if (listing.state() == Surface.ListState.PRESENT) {
            out.put(key, new JsonValue.JArray(listing.items().stream().map(item).toList()));
        }
    }

    private static JsonValue tool(Surface.Tool t) {
        return JsonObjectBuilder.object()
                .put("name", t.name())
                .putIfPresent("title", t.title())
                .putIfPresent("description", t.description())
                .put("inputSchema", t.inputSchema())
                .putIfPresent("outputSchema", t.outputSchema())
                .putIfPresent("annotations", t.annotations())
                .putIfPresent("execution", t.execution())
                .putIfPresent("icons", t.icons())
                .putIfPresent("_meta", t.meta())
                .build();
    }

    private static JsonValue prompt(Surface.Prompt p) {
        JsonObjectBuilder out = JsonObjectBuilder.object()
                .put("name", p.name())
                .putIfPresent("title", p.title())
                .putIfPresent("description", p.description());
        if (!p.arguments().isEmpty()) {
            out.put(
                    "arguments",
                    new JsonValue.JArray(p.arguments().stream()
                            .map(a -> (JsonValue) JsonObjectBuilder.object()
                                    .put("name", a.name())
                                    .putIfPresent("title", a.title())
                                    .putIfPresent("description", a.description())
                                    .put("required", a.required())
                                    .build())
                            .toList()));
        }
        return out.putIfPresent("icons", p.icons())
                .putIfPresent("_meta", p.meta())
                .build();
    }

    private static JsonValue resource(Surface.Resource r) {
        return JsonObjectBuilder.object()
                .put("uri", r.uri())
                .putIfPresent("name", r.name())
                .putIfPresent("title", r.title())
                .putIfPresent("description", r.description())
                .putIfPresent("mimeType", r.mimeType())
                .putIfPresent("size", r.size())
                .putIfPresent("annotations", r.annotations())
                .putIfPresent("icons", r.icons())
                .putIfPresent("_meta", r.meta())
                .build();
    }

    private static JsonValue template(Surface.ResourceTemplate r) {
        return JsonObjectBuilder.object()
                .put("uriTemplate", r.uriTemplate())
                .putIfPresent("name", r.name())
                .putIfPresent("title", r.title())
                .putIfPresent("description", r.description())
                .putIfPresent("mimeType", r.mimeType())
                .putIfPresent("annotations", r.annotations())
                .putIfPresent("icons", r.icons())
                .putIfPresent("_meta", r.meta())
                .build();
    }

    private static JsonValue dependencies(Surface.Dependencies d) {
        return JsonObjectBuilder.object()
                .putIfPresent("ecosystem", d.ecosystem())
                .put("declared", map(d.declared()))
                .put("resolved", map(d.resolved()))
                .put("engines", map(d.engines()))
                .put("undeclaredImports", map(d.undeclaredImports()))
                .build();
    }

    private static JsonValue map(Map<String, String> map) {
        JsonObjectBuilder out = JsonObjectBuilder.object();
        map.forEach(out::put);
        return out.build();
    }

    private static JsonValue config(Surface.Config c) {
        JsonObjectBuilder out = JsonObjectBuilder.object();
        if (c.env() != null) {
            out.put(
                    "env",
                    new JsonValue.JArray(
                            c.env().stream().map(SurfaceWriter::env).toList()));
        }
        if (c.arguments() != null) {
            out.put(
                    "arguments",
                    new JsonValue.JArray(
                            c.arguments().stream().map(SurfaceWriter::argument).toList()));
        }
        if (c.transports() != null) {
            out.putStrings("transports", c.transports());
        }
        return out.build();
    }

    private static JsonValue env(Surface.EnvVar e) {
        return JsonObjectBuilder.object()
                .put("name", e.name())
                .put("required", e.required())
                .put("secret", e.secret())
                .putIfPresent("default", e.defaultValue())
                .putIfPresent("description", e.description())
                .putIfPresent("choices", strings(e.choices()))
                .putIfPresent("format", e.format())
                .build();
    }

    private static JsonValue argument(Surface.ConfigArgument a) {
        return JsonObjectBuilder.object()
                .put("name", a.name())
                .put("type", a.positional() ? "positional" : "named")
                .put("runtime", a.runtime())
                .put("required", a.required())
                .put("repeated", a.repeated())
                .putIfPresent("default", a.defaultValue())
                .putIfPresent("choices", strings(a.choices()))
                .putIfPresent("description", a.description())
                .build();
    }

    private static @Nullable JsonValue strings(@Nullable List<String> values) {
        return values == null ? null : JsonValue.strings(values);
    }
}
