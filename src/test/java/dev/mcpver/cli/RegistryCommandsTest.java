package dev.mcpver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.cli.CliTest.Run;
import dev.mcpver.json.Json;
import dev.mcpver.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry from the command line, as a CI pipeline would drive it. */
class RegistryCommandsTest {
    @TempDir
    Path directory;

    private Map<String, String> env() {
        return Map.of("MCPVER_DB", TestDatabases.sqliteUrl(directory), "MCPVER_HOME", directory.toString());
    }

    private Run run(String... args) {
        return CliTest.run(env(), args);
    }

    private JsonNode ok(String... args) {
        Run result = run(args);
        assertThat(result.exit())
                .as(String.join(" ", args) + ": " + result.err())
                .isZero();
        return Json.read(result.out().lines().findFirst().orElseThrow());
    }

    @Test
    void should_take_a_version_from_registration_to_production_and_verify_its_signature() throws Exception {
        Path server = directory.resolve("server.json");
        Files.writeString(server, """
                {"name":"weather","description":"forecasts","owner":"team-a","category":"weather",
                 "launch":{"transport":"stdio","command":"node","args":["index.js"]}}""");
        Path artifact = directory.resolve("weather-1.0.0.tgz");
        Files.writeString(artifact, "release bytes");
        Path surface = directory.resolve("surface.json");
        Files.writeString(surface, "{\"tools\":[{\"name\":\"forecast\"}]}");
        Path advisory = directory.resolve("osv");
        Files.createDirectories(advisory);
        Files.writeString(advisory.resolve("a.json"), """
                {"id":"GHSA-other","affected":[{"package":{"ecosystem":"npm","name":"left-pad"},
                  "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.0.0"}]}]}]}""");

        JsonNode key = ok(
                "keys",
                "generate",
                "--id",
                "release",
                "--out",
                directory.resolve("keys").toString(),
                "--register");
        ok("servers", "create", "--file", server.toString());
        JsonNode version = ok(
                "versions",
                "register",
                "weather",
                "--version",
                "1.0.0",
                "--artifact-file",
                artifact.toString(),
                "--surface",
                surface.toString(),
                "--changelog",
                "first",
                "--dependency",
                "zod=^3.23.0");
        ok(
                "versions",
                "sign",
                "weather",
                "1.0.0",
                "--key-id",
                "release",
                "--key-file",
                key.get("privateKeyFile").asText());
        ok("versions", "attest", "weather", "1.0.0", "--kind", "coverage", "--value", "{\"percent\": 90}");
        ok("versions", "attest", "weather", "1.0.0", "--kind", "code-quality", "--value", "{\"passed\": true}");
        ok("advisories", "import", advisory.toString());
        ok("versions", "transition", "weather", "1.0.0", "--to", "testing");
        ok("versions", "transition", "weather", "1.0.0", "--to", "staging");
        JsonNode promoted = ok("versions", "transition", "weather", "1.0.0", "--to", "production");

        assertThat(key.get("registered").asBoolean()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                        Path.of(key.get("privateKeyFile").asText()))))
                .isEqualTo("rw-------");
        assertThat(version.at("/artifact/sha256").asText()).hasSize(64);
        assertThat(promoted.at("/version/stage").asText()).isEqualTo("production");
        assertThat(promoted.at("/gateReport/score").asInt()).isEqualTo(100);
        assertThat(ok("versions", "verify", "weather", "1.0.0").get("valid").asBoolean())
                .isTrue();
        assertThat(ok("audit", "verify").get("valid").asBoolean()).isTrue();
        assertThat(run("keys", "list").out()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void should_exit_1_with_the_report_when_the_gates_refuse_and_2_for_bad_input() throws Exception {
        Path server = directory.resolve("server.json");
        Files.writeString(server, """
                {"name":"weather","owner":"team-a","launch":{"transport":"streamable-http","url":"https://w.example/mcp"}}""");
        ok("servers", "create", "--file", server.toString());
        ok(
                "versions",
                "register",
                "weather",
                "--version",
                "2.0.0",
                "--artifact-package",
                "npm:weather@2.0.0",
                "--sha256",
                "ab".repeat(32));
        ok("versions", "transition", "weather", "2.0.0", "--to", "testing");
        ok("versions", "transition", "weather", "2.0.0", "--to", "staging");

        Run refused = run("versions", "transition", "weather", "2.0.0", "--to", "production");
        Run skip = run("versions", "transition", "weather", "2.0.0", "--to", "archived");
        Run badVersion = run(
                "versions",
                "register",
                "weather",
                "--version",
                "2.x",
                "--artifact-package",
                "p",
                "--sha256",
                "ab".repeat(32));
        Run missing = run("versions", "show", "weather", "9.9.9");
        Run badKey = run("versions", "sign", "weather", "2.0.0", "--key-id", "k");

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("promotion refused by signature");
        assertThat(Json.read(refused.out()).get("passed").asBoolean()).isFalse();
        assertThat(skip.exit()).isZero();
        assertThat(badVersion.exit()).isEqualTo(2);
        assertThat(badVersion.err()).contains("not a SemVer version");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err().strip()).isEqualTo("mcpver: weather has no version 9.9.9");
        assertThat(badKey.exit()).isEqualTo(2);
        assertThat(badKey.err()).contains("MCPVER_SIGNING_KEY");
    }

    @Test
    void should_manage_rules_and_report_advisory_hits() throws Exception {
        Path server = directory.resolve("server.json");
        Files.writeString(server, """
                {"name":"weather","owner":"team-a","launch":{"transport":"stdio","command":"node"}}""");
        ok("servers", "create", "--file", server.toString());
        ok(
                "versions",
                "register",
                "weather",
                "--version",
                "1.0.0",
                "--artifact-package",
                "p",
                "--sha256",
                "ab".repeat(32),
                "--dependency",
                "zod=^3.0.0");
        Path advisory = directory.resolve("zod.json");
        Files.writeString(advisory, """
                {"id":"GHSA-zod","affected":[{"package":{"ecosystem":"npm","name":"zod"},
                  "ranges":[{"type":"SEMVER","events":[{"introduced":"3.0.0"},{"fixed":"3.22.3"}]}]}]}""");
        ok("advisories", "import", advisory.toString());

        Run hits = run("advisories", "hits");
        JsonNode rule = ok(
                "rules",
                "add",
                "--name",
                "changelog",
                "--severity",
                "high",
                "--expression",
                "size(version.changelog) > 0",
                "--message",
                "write one");
        Run badRule = run("rules", "add", "--name", "x", "--severity", "high", "--expression", "1 +", "--message", "m");
        JsonNode disabled = ok("rules", "disable", rule.get("id").asText());

        assertThat(hits.exit()).isEqualTo(1);
        assertThat(Json.read(hits.out()).at("/items/0/hits/0/advisoryId").asText())
                .isEqualTo("GHSA-zod");
        assertThat(badRule.exit()).isEqualTo(2);
        assertThat(badRule.err()).contains("expression");
        assertThat(disabled.get("enabled").asBoolean()).isFalse();
    }
}
