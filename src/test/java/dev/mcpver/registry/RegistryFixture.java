package dev.mcpver.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.RegistryWiring;
import dev.mcpver.auth.Actor;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.json.Json;
import dev.mcpver.lifecycle.Stage;
import dev.mcpver.monitoring.AdoptionSource;
import dev.mcpver.monitoring.VersionMetrics;
import dev.mcpver.signing.Ed25519;
import dev.mcpver.signing.ReleaseManifest;
import dev.mcpver.signing.SignatureAttachment;
import dev.mcpver.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** A registry over a real database with helpers to build versions that pass every gate. */
final class RegistryFixture {
    static final Actor ADMIN = new Actor(new Caller("token:admin", Role.ADMIN), "req-admin");
    static final Actor OPERATOR = new Actor(new Caller("token:op", Role.OPERATOR), "req-op");
    static final String SURFACE = "{\"tools\":[{\"name\":\"forecast\",\"inputSchema\":{\"type\":\"object\"}}]}";

    final Database database;
    final Path home;
    final RegistryWiring wiring;
    final KeyPair key = Ed25519.generate(new SecureRandom());

    RegistryFixture(Database database, Path home, CompatCheck compat) {
        this(database, home, compat, VersionMetrics.none(), AdoptionSource.none());
    }

    RegistryFixture(Database database, Path home, CompatCheck compat, VersionMetrics metrics, AdoptionSource adoption) {
        this.database = database;
        this.home = home;
        this.wiring = new RegistryWiring(database, Clock.systemUTC(), home, compat, metrics, adoption);
        assertPresent(wiring.signing().registerKey("release", Ed25519.publicPem(key.getPublic()), ADMIN));
    }

    static void assertPresent(java.util.Optional<?> value) {
        if (value.isEmpty()) {
            throw new AssertionError("expected a value");
        }
    }

    static ServerSpec spec(String name) {
        return new ServerSpec(
                name,
                "weather forecasts",
                "weather",
                List.of("demo"),
                "team-a",
                "https://github.com/acme/weather",
                LaunchSpec.stdio("npx", List.of("-y", "@acme/" + name)),
                List.of(new PackageSpec(
                        "npm",
                        "@acme/" + name,
                        null,
                        "stdio",
                        List.of(new EnvironmentVariable("API_KEY", "key", true, true, null, List.of())))),
                List.of());
    }

    Server server(String name) {
        return ((ServerWrite.Saved) wiring.registry().createServer(spec(name), OPERATOR)).server();
    }

    /** A local artifact file whose SHA-256 is registered with the version. */
    Artifact artifact(String name, String content) {
        try {
            Path file = home.resolve(name);
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return new Artifact(
                    "archive", name, dev.mcpver.json.CanonicalJson.sha256Hex(content.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    VersionSpec versionSpec(String version, Map<String, String> dependencies, String surface, Artifact artifact) {
        JsonNode parsed = surface == null ? null : Json.read(surface);
        return new VersionSpec(version, "changes in " + version, List.of(), dependencies, parsed, artifact);
    }

    ServerVersion register(Server server, VersionSpec spec) {
        Registration outcome = wiring.registry().register(server.id(), spec, OPERATOR);
        return ((Registration.Registered) outcome).version();
    }

    void sign(ServerVersion version) {
        ReleaseManifest manifest = wiring.signing().manifest(version.id()).orElseThrow();
        String signature = Ed25519.sign(key.getPrivate(), manifest.bytes());
        SignatureAttachment outcome = wiring.signing().attach(version.id(), "release", signature, OPERATOR);
        if (!(outcome instanceof SignatureAttachment.Attached)) {
            throw new AssertionError("could not sign: " + outcome);
        }
    }

    void attestGood(ServerVersion version) {
        assertPresent(wiring.registry().attest(version.id(), "coverage", Json.read("{\"percent\": 91.5}"), OPERATOR));
        assertPresent(wiring.registry()
                .attest(version.id(), "code-quality", Json.read("{\"passed\": true, \"grade\": \"A\"}"), OPERATOR));
    }

    /** A version that passes every gate, moved to staging. */
    ServerVersion readyForProduction(Server server, String version, String surface) {
        ServerVersion registered = register(
                server,
                versionSpec(
                        version,
                        Map.of("zod", "^3.23.0"),
                        surface,
                        artifact(server.name() + "-" + version + ".tgz", "bytes of " + version)));
        sign(registered);
        attestGood(registered);
        move(registered.id(), Stage.TESTING);
        move(registered.id(), Stage.STAGING);
        return wiring.registry().version(registered.id()).orElseThrow();
    }

    TransitionOutcome move(String versionId, Stage to) {
        return move(versionId, to, OPERATOR);
    }

    TransitionOutcome move(String versionId, Stage to, Actor actor) {
        return wiring.lifecycle().transition(versionId, to, null, actor);
    }

    /** An unrelated advisory, so the vulnerability gate has a database to match against. */
    void importUnrelatedAdvisory() {
        wiring.advisories().importDocuments(Map.of("f", Json.read("""
                {"id":"GHSA-unrelated","modified":"2026-01-01T00:00:00Z","summary":"other package",
                 "affected":[{"package":{"ecosystem":"npm","name":"left-pad"},
                   "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.3.0"}]}]}]}
                """)), ADMIN);
    }
}
