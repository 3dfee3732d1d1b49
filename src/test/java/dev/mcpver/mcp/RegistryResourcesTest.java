package dev.mcpver.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.RegistryWiring;
import dev.mcpver.auth.Actor;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.json.Json;
import dev.mcpver.registry.Artifact;
import dev.mcpver.registry.LaunchSpec;
import dev.mcpver.registry.Server;
import dev.mcpver.registry.ServerSpec;
import dev.mcpver.registry.ServerWrite;
import dev.mcpver.registry.VersionSpec;
import dev.mcpver.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryResourcesTest {
    @TempDir
    Path directory;

    @Test
    void should_publish_servers_and_version_surfaces_as_resources() {
        RegistryWiring wiring = new RegistryWiring(TestDatabases.sqlite(directory), Clock.systemUTC(), directory);
        Actor actor = new Actor(new Caller("op", Role.OPERATOR), "r");
        Server server = ((ServerWrite.Saved) wiring.registry()
                        .createServer(
                                new ServerSpec(
                                        "io.github.acme/weather",
                                        "",
                                        null,
                                        List.of(),
                                        "team",
                                        null,
                                        LaunchSpec.stdio("node", List.of()),
                                        List.of(),
                                        List.of()),
                                actor))
                .server();
        wiring.registry()
                .register(
                        server.id(),
                        new VersionSpec(
                                "1.2.0",
                                "",
                                List.of(),
                                Map.of(),
                                Json.read("{\"tools\":[{\"name\":\"forecast\"}]}"),
                                new Artifact("package", "p", "ab".repeat(32))),
                        actor);
        RegistryResources resources = new RegistryResources(wiring.registry());
        Caller viewer = new Caller("v", Role.VIEWER);

        var list = resources.read("mcpver://servers", viewer).orElseThrow();
        var one = resources.read("mcpver://servers/" + server.id(), viewer).orElseThrow();
        var surface = resources
                .read("mcpver://servers/" + server.id() + "/versions/1.2.0/surface", viewer)
                .orElseThrow();

        assertThat(Json.read(list.text()).at("/items/0/name").asText()).isEqualTo("io.github.acme/weather");
        assertThat(Json.read(one.text()).at("/versions/0/version").asText()).isEqualTo("1.2.0");
        assertThat(Json.read(surface.text()).at("/tools/0/name").asText()).isEqualTo("forecast");
        assertThat(resources.read("mcpver://servers/" + server.id() + "/versions/9.9.9/surface", viewer))
                .isEmpty();
        assertThat(resources.read("mcpver://servers/nope", viewer)).isEmpty();
        assertThat(resources.templates())
                .extracting(ResourceDescriptor::uri)
                .containsExactly("mcpver://servers/{id}", "mcpver://servers/{id}/versions/{version}/surface");
    }
}
