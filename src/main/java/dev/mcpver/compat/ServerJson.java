package dev.mcpver.compat;

import dev.mcpver.compat.json.JsonPointer;
import dev.mcpver.compat.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeSet;

/**
 * The operator contract of an MCP registry {@code server.json}: environment variables, package and runtime arguments
 * and transport types over all {@code packages}, plus {@code remotes} types. Variables and arguments of several
 * packages are merged by name (a package's entries win over later ones).
 */
final class ServerJson {
    private ServerJson() {}

    static Surface.Config config(ObjectReader serverJson) {
        LinkedHashMap<String, Surface.EnvVar> env = new LinkedHashMap<>();
        LinkedHashMap<String, Surface.ConfigArgument> arguments = new LinkedHashMap<>();
        TreeSet<String> transports = new TreeSet<>();
        List<JsonValue> packages = serverJson.array("packages").orElse(List.of());
        for (int i = 0; i < packages.size(); i++) {
            ObjectReader pkg = ObjectReader.of(packages.get(i), JsonPointer.append(serverJson.at("packages"), i));
            SurfaceParser.envVars(pkg, "environmentVariables").forEach(v -> env.putIfAbsent(v.name(), v));
            SurfaceParser.arguments(pkg, "packageArguments", false).forEach(a -> arguments.putIfAbsent(a.key(), a));
            SurfaceParser.arguments(pkg, "runtimeArguments", true).forEach(a -> arguments.putIfAbsent(a.key(), a));
            pkg.object("transport").flatMap(t -> t.string("type")).ifPresent(transports::add);
        }
        List<JsonValue> remotes = serverJson.array("remotes").orElse(List.of());
        for (int i = 0; i < remotes.size(); i++) {
            ObjectReader remote = ObjectReader.of(remotes.get(i), JsonPointer.append(serverJson.at("remotes"), i));
            remote.string("type").ifPresent(type -> transports.add("remote:" + type));
        }
        return new Surface.Config(
                new ArrayList<>(env.values()), new ArrayList<>(arguments.values()), new ArrayList<>(transports));
    }
}
