package dev.mcpver.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.compliance.RuleSpec;
import dev.mcpver.json.CanonicalJson;
import dev.mcpver.json.Json;
import dev.mcpver.lifecycle.GateReport;
import dev.mcpver.lifecycle.GateResult;
import dev.mcpver.lifecycle.GateVerdict;
import dev.mcpver.lifecycle.SecurityScore;
import dev.mcpver.lifecycle.Stage;
import dev.mcpver.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each gate failing on its own, with every other check passing; and the score failing on its own. */
class PromotionGatesTest {
    /** A strict fake analyzer: identical surfaces need nothing, any difference needs a major bump. */
    static final CompatCheck STRICT = (previous, candidate) -> Optional.of(new CompatCheck.Required(
            "strict-fake",
            CanonicalJson.sha256(previous.surface()).equals(CanonicalJson.sha256(candidate.surface()))
                    ? Bump.NONE
                    : Bump.MAJOR,
            "fake",
            null));

    static final List<String> GATES =
            List.of("signature", "checksum", "compatibility", "vulnerabilities", "attestations", "compliance");

    @TempDir
    Path directory;

    RegistryFixture fixture;
    Server server;

    @BeforeEach
    void setUp() {
        fixture = new RegistryFixture(TestDatabases.sqlite(directory), directory, STRICT);
        fixture.importUnrelatedAdvisory();
        fixture.wiring
                .compliance()
                .add(
                        new RuleSpec(
                                "changelog",
                                "global",
                                null,
                                "critical",
                                "size(version.changelog) > 0",
                                "every release needs a changelog"),
                        RegistryFixture.ADMIN);
        server = fixture.server("weather");
        ServerVersion first = fixture.readyForProduction(server, "1.0.0", RegistryFixture.SURFACE);
        assertThat(fixture.move(first.id(), Stage.PRODUCTION)).isInstanceOf(TransitionOutcome.Moved.class);
    }

    private GateReport report(ServerVersion candidate) {
        return fixture.wiring
                .lifecycle()
                .checkGates(candidate.id(), Stage.PRODUCTION)
                .orElseThrow();
    }

    private static Map<String, GateVerdict> verdicts(GateReport report) {
        return report.results().stream()
                .collect(java.util.stream.Collectors.toMap(GateResult::gate, GateResult::verdict));
    }

    /** The named gate fails; every other gate passes. */
    private static void assertFailsAlone(GateReport report, String gate) {
        Map<String, GateVerdict> verdicts = verdicts(report);
        assertThat(report.passed()).isFalse();
        assertThat(verdicts.get(gate)).isEqualTo(GateVerdict.FAIL);
        GATES.stream()
                .filter(g -> !g.equals(gate))
                .forEach(g -> assertThat(verdicts.get(g)).as(g).isEqualTo(GateVerdict.PASS));
    }

    @Test
    void should_let_a_version_through_when_every_gate_passes() {
        ServerVersion candidate = fixture.readyForProduction(server, "1.1.0", RegistryFixture.SURFACE);

        TransitionOutcome outcome = fixture.move(candidate.id(), Stage.PRODUCTION);

        assertThat(outcome).isInstanceOf(TransitionOutcome.Moved.class);
        GateReport report = ((TransitionOutcome.Moved) outcome).report();
        assertThat(report.score()).isEqualTo(100);
        assertThat(report.results())
                .extracting(GateResult::gate)
                .containsExactly(
                        "signature",
                        "checksum",
                        "compatibility",
                        "vulnerabilities",
                        "attestations",
                        "compliance",
                        SecurityScore.GATE);
        assertThat(fixture.wiring.registry().gateReports(candidate.id()))
                .singleElement()
                .satisfies(stored -> assertThat(stored.passed()).isTrue());
    }

    @Test
    void should_fail_the_signature_gate_alone_when_the_version_is_unsigned() {
        ServerVersion candidate = fixture.register(
                server,
                fixture.versionSpec("1.1.0", Map.of(), RegistryFixture.SURFACE, fixture.artifact("u.tgz", "u")));
        fixture.attestGood(candidate);

        GateReport report = report(candidate);

        assertFailsAlone(report, "signature");
        assertThat(report.results().get(0).detail()).contains("not signed");
    }

    @Test
    void should_fail_the_signature_gate_alone_when_the_signing_key_was_revoked() {
        ServerVersion candidate = fixture.readyForProduction(server, "1.1.0", RegistryFixture.SURFACE);
        assertThat(fixture.wiring.signing().revokeKey("release", RegistryFixture.ADMIN))
                .isPresent();

        assertFailsAlone(report(candidate), "signature");
    }

    @Test
    void should_fail_the_checksum_gate_alone_when_the_artifact_changed() throws Exception {
        ServerVersion candidate = fixture.readyForProduction(server, "1.1.0", RegistryFixture.SURFACE);
        Files.writeString(directory.resolve(candidate.artifact().location()), "tampered bytes");

        GateReport report = report(candidate);

        assertFailsAlone(report, "checksum");
        assertThat(verdicts(report)).containsEntry(SecurityScore.GATE, GateVerdict.PASS);
    }

    @Test
    void should_fail_the_compatibility_gate_alone_when_under_bumped_against_production() {
        String changed = "{\"tools\":[]}";
        ServerVersion candidate = fixture.readyForProduction(server, "1.1.0", changed);

        GateReport report = report(candidate);

        assertFailsAlone(report, "compatibility");
        assertThat(report.results().get(2).detail())
                .contains("require a major bump")
                .contains("declares minor");
    }

    @Test
    void should_fail_the_vulnerability_gate_alone_when_an_advisory_hits_a_dependency() {
        ServerVersion candidate = fixture.readyForProduction(server, "1.1.0", RegistryFixture.SURFACE);
        fixture.wiring.advisories().importDocuments(Map.of("zod.json", Json.read("""
                {"id":"GHSA-zod-1","modified":"2026-02-01T00:00:00Z","summary":"ReDoS in zod",
                 "database_specific":{"severity":"HIGH"},
                 "affected":[{"package":{"ecosystem":"npm","name":"zod"},
                   "ranges":[{"type":"SEMVER","events":[{"introduced":"3.22.0"},{"fixed":"3.24.1"}]}]}]}
                """)), RegistryFixture.ADMIN);

        GateReport report = report(candidate);

        assertFailsAlone(report, "vulnerabilities");
        assertThat(report.results().get(3).detail()).contains("GHSA-zod-1").contains("zod@^3.23.0");
    }

    @Test
    void should_fail_the_attestation_gate_alone_when_coverage_is_too_low() {
        ServerVersion candidate = fixture.readyForProduction(server, "1.1.0", RegistryFixture.SURFACE);
        fixture.wiring
                .registry()
                .attest(candidate.id(), "coverage", Json.read("{\"percent\": 41}"), RegistryFixture.OPERATOR);

        GateReport report = report(candidate);

        assertFailsAlone(report, "attestations");
        assertThat(verdicts(report)).containsEntry(SecurityScore.GATE, GateVerdict.PASS);
    }

    @Test
    void should_fail_the_compliance_gate_alone_when_a_critical_rule_fails() {
        fixture.wiring
                .compliance()
                .add(
                        new RuleSpec(
                                "no-secret-defaults",
                                "category",
                                "weather",
                                "critical",
                                "!version.version.startsWith('1.1')",
                                "1.1 is frozen"),
                        RegistryFixture.ADMIN);
        ServerVersion candidate = fixture.readyForProduction(server, "1.1.0", RegistryFixture.SURFACE);

        GateReport report = report(candidate);

        assertFailsAlone(report, "compliance");
        assertThat(report.results().get(5).detail()).contains("1.1 is frozen");
    }

    @Test
    void should_fail_on_the_score_alone_when_no_gate_fails_but_too_many_warn() {
        fixture.wiring
                .compliance()
                .add(
                        new RuleSpec(
                                "readme",
                                "global",
                                null,
                                "high",
                                "size(version.changelog) > 100",
                                "write a longer changelog"),
                        RegistryFixture.ADMIN);
        ServerVersion candidate = fixture.register(
                server,
                new VersionSpec(
                        "1.1.0",
                        "short",
                        List.of(),
                        Map.of(),
                        null,
                        new Artifact("package", "npm:@acme/weather@1.1.0", "ab".repeat(32))));
        fixture.sign(candidate);
        fixture.move(candidate.id(), Stage.TESTING);
        fixture.move(candidate.id(), Stage.STAGING);

        TransitionOutcome outcome = fixture.move(candidate.id(), Stage.PRODUCTION);

        assertThat(outcome).isInstanceOf(TransitionOutcome.GatesFailed.class);
        GateReport report = ((TransitionOutcome.GatesFailed) outcome).report();
        assertThat(report.failedGates()).containsExactly(SecurityScore.GATE);
        assertThat(report.score()).isLessThan(SecurityScore.THRESHOLD);
        assertThat(report.results().stream().filter(r -> !r.gate().equals(SecurityScore.GATE)))
                .noneMatch(GateResult::failed);
        assertThat(fixture.wiring
                        .registry()
                        .version(candidate.id())
                        .orElseThrow()
                        .stage())
                .isEqualTo(Stage.STAGING);
        assertThat(fixture.wiring.registry().gateReports(candidate.id()))
                .singleElement()
                .satisfies(stored -> assertThat(stored.passed()).isFalse());
    }

    @Test
    void should_record_every_gate_run_in_the_audit_trail() {
        ServerVersion candidate = fixture.register(
                server,
                fixture.versionSpec("1.1.0", Map.of(), RegistryFixture.SURFACE, fixture.artifact("a.tgz", "a")));
        fixture.move(candidate.id(), Stage.TESTING);
        fixture.move(candidate.id(), Stage.STAGING);

        fixture.move(candidate.id(), Stage.PRODUCTION);

        var entries =
                fixture.wiring.audit().page(new dev.mcpver.audit.AuditQuery(0, 1000, "version", candidate.id(), null));
        assertThat(entries)
                .extracting(dev.mcpver.audit.AuditEntry::action)
                .containsExactly(
                        "version.register", "version.transition", "version.transition", "version.gates-failed");
        assertThat(fixture.wiring.audit().verify().valid()).isTrue();
    }
}
