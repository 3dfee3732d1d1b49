package dev.mcpver.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.RegistryWiring;
import dev.mcpver.auth.Actor;
import dev.mcpver.json.CanonicalJson;
import dev.mcpver.lifecycle.Stage;
import dev.mcpver.registry.Registration;
import dev.mcpver.registry.Server;
import dev.mcpver.registry.ServerSpec;
import dev.mcpver.registry.ServerVersion;
import dev.mcpver.registry.ServerWrite;
import dev.mcpver.registry.TransitionOutcome;
import dev.mcpver.registry.VersionSpec;
import dev.mcpver.signing.Ed25519;
import dev.mcpver.signing.ReleaseManifest;
import dev.mcpver.signing.SignatureAttachment;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers the demo servers and their versions (real surfaces), signs and attests the ones marked as releases, and
 * walks each version along its stage path through the real lifecycle: production is reached only when the gates pass,
 * and a refused promotion stays refused (its gate report is part of the demo).
 */
final class DemoReleases {
    static final String KEY_ID = "demo-release-key";

    private final RegistryWiring wiring;
    private final Actor actor;
    private final ObjectMapper mapper;
    private final KeyPair key;
    private final List<String> refused = new ArrayList<>();
    private int versions;

    /** What was loaded: version count and the promotions the gates refused ("server version → stage: gates"). */
    record Result(int servers, int versions, List<String> refused) {}

    DemoReleases(RegistryWiring wiring, Actor actor, ObjectMapper mapper, SecureRandom random) {
        this.wiring = wiring;
        this.actor = actor;
        this.mapper = mapper;
        this.key = Ed25519.generate(random); // a throw-away demo key: its private half is never stored
    }

    Result load(JsonNode servers) throws JsonProcessingException {
        wiring.signing().registerKey(KEY_ID, Ed25519.publicPem(key.getPublic()), actor);
        for (JsonNode server : servers) {
            loadServer(server);
        }
        return new Result(servers.size(), versions, List.copyOf(refused));
    }

    private void loadServer(JsonNode entry) throws JsonProcessingException {
        ServerSpec spec = mapper.treeToValue(entry.get("spec"), ServerSpec.class);
        ServerWrite written = wiring.registry().createServer(spec, actor);
        if (!(written instanceof ServerWrite.Saved saved)) {
            throw new IllegalStateException("demo server " + spec.name() + " was not created: " + written);
        }
        for (JsonNode version : entry.get("versions")) {
            loadVersion(saved.server(), entry.get("package").asText(), version);
        }
    }

    private void loadVersion(Server server, String pkg, JsonNode entry) throws JsonProcessingException {
        Registration registration = wiring.registry().register(server.id(), versionSpec(pkg, entry), actor);
        if (!(registration instanceof Registration.Registered registered)) {
            throw new IllegalStateException("demo version " + entry + " was not registered: " + registration);
        }
        versions++;
        ServerVersion version = registered.version();
        if (entry.path("release").asBoolean(false)) {
            sign(version);
            attest(version);
        }
        walk(server, version, entry.path("path"));
    }

    private VersionSpec versionSpec(String pkg, JsonNode entry) throws JsonProcessingException {
        String number = entry.get("version").asText();
        String location = "npm:" + pkg + "@" + number;
        ObjectNode spec = mapper.createObjectNode()
                .put("version", number)
                .put("changelog", entry.path("changelog").asText(""));
        spec.putArray("securityUpdates");
        spec.putObject("dependencies");
        spec.set(
                "surface",
                mapper.readTree(DemoResources.text("demo/surfaces/" + pkg.replace('/', '_') + "@" + number + ".json")));
        // A package artifact is not fetched by mcpver (its checksum gate warns); the hash stands in for the tarball's.
        spec.putObject("artifact")
                .put("kind", "package")
                .put("location", location)
                .put("sha256", CanonicalJson.sha256Hex(location.getBytes(StandardCharsets.UTF_8)));
        return mapper.treeToValue(spec, VersionSpec.class);
    }

    private void sign(ServerVersion version) {
        ReleaseManifest manifest = wiring.signing().manifest(version.id()).orElseThrow();
        String signature = Ed25519.sign(key.getPrivate(), manifest.bytes());
        SignatureAttachment attached = wiring.signing().attach(version.id(), KEY_ID, signature, actor);
        if (!(attached instanceof SignatureAttachment.Attached)) {
            throw new IllegalStateException("demo signature refused: " + attached);
        }
    }

    private void attest(ServerVersion version) {
        wiring.registry()
                .attest(version.id(), "coverage", mapper.createObjectNode().put("percent", 86.4), actor);
        wiring.registry()
                .attest(version.id(), "code-quality", mapper.createObjectNode().put("passed", true), actor);
    }

    private void walk(Server server, ServerVersion version, JsonNode path) {
        for (JsonNode step : path) {
            Stage to = Stage.fromWire(step.asText()).orElseThrow(() -> new IllegalStateException("no stage " + step));
            TransitionOutcome outcome = wiring.lifecycle().transition(version.id(), to, null, actor);
            if (!(outcome instanceof TransitionOutcome.Moved)) {
                refused.add(server.name() + " " + version.version() + " → " + to.wireName() + ": " + reason(outcome));
                return;
            }
        }
    }

    private static String reason(TransitionOutcome outcome) {
        if (outcome instanceof TransitionOutcome.GatesFailed failed) {
            return "gates failed (" + String.join(", ", failed.report().failedGates()) + ")";
        }
        return outcome.getClass().getSimpleName();
    }
}
