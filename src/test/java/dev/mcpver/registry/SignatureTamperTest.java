package dev.mcpver.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.lifecycle.Stage;
import dev.mcpver.signing.SignatureCheck;
import dev.mcpver.testing.TestDatabases;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A signed version, then each signed field changed behind the registry's back: the signature must stop verifying. */
class SignatureTamperTest {
    @TempDir
    Path directory;

    RegistryFixture fixture;
    ServerVersion version;

    @BeforeEach
    void signedVersion() {
        fixture = new RegistryFixture(TestDatabases.sqlite(directory), directory, CompatCheck.identicalSurfacesOnly());
        Server server = fixture.server("weather");
        version = fixture.register(
                server,
                new VersionSpec(
                        "1.2.0",
                        "fixes",
                        java.util.List.of("GHSA-old"),
                        Map.of("zod", "^3.23.0"),
                        dev.mcpver.json.Json.read(RegistryFixture.SURFACE),
                        fixture.artifact("w.tgz", "w")));
        fixture.sign(version);
    }

    static Stream<Arguments> signedFields() {
        return Stream.of(
                Arguments.of(
                        "server name",
                        "UPDATE servers SET spec_json = REPLACE(spec_json, '\"weather\"', '\"weathr\"')"),
                Arguments.of("version", "UPDATE versions SET version = '1.2.1'"),
                Arguments.of("artifact kind", "UPDATE versions SET artifact_kind = 'path'"),
                Arguments.of("artifact location", "UPDATE versions SET artifact_location = 'evil.tgz'"),
                Arguments.of("artifact sha256", "UPDATE versions SET artifact_sha256 = '" + "0".repeat(64) + "'"),
                Arguments.of("surface", "UPDATE versions SET surface_json = '{\"tools\":[]}'"),
                Arguments.of("surface removed", "UPDATE versions SET surface_json = NULL"),
                Arguments.of("dependencies", "UPDATE versions SET dependencies_json = '{\"zod\":\"*\"}'"),
                Arguments.of("changelog", "UPDATE versions SET changelog = 'nothing to see'"),
                Arguments.of("security updates", "UPDATE versions SET security_updates_json = '[]'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signedFields")
    void should_reject_the_signature_when_a_signed_field_was_changed(String field, String tamper) {
        assertThat(fixture.wiring.signing().verify(version.id()).orElseThrow().valid())
                .isTrue();

        fixture.database.jdbi().useHandle(h -> h.execute(tamper));
        SignatureCheck check = fixture.wiring.signing().verify(version.id()).orElseThrow();

        assertThat(check.valid()).as(field).isFalse();
        assertThat(check.signatures())
                .singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("changed after signing"));
    }

    @Test
    void should_keep_the_signature_valid_across_stage_changes() {
        fixture.move(version.id(), Stage.TESTING);
        fixture.move(version.id(), Stage.STAGING);

        assertThat(fixture.wiring.signing().verify(version.id()).orElseThrow().valid())
                .isTrue();
    }

    @Test
    void should_refuse_to_store_a_signature_that_does_not_verify() {
        String forged = java.util.Base64.getEncoder().encodeToString(new byte[64]);

        var outcome = fixture.wiring.signing().attach(version.id(), "release", forged, RegistryFixture.OPERATOR);

        assertThat(outcome).isInstanceOf(dev.mcpver.signing.SignatureAttachment.Invalid.class);
        assertThat(fixture.wiring.signing().verify(version.id()).orElseThrow().signatures())
                .hasSize(1);
    }
}
