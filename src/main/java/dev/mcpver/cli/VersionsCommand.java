package dev.mcpver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.json.Json;
import dev.mcpver.lifecycle.GateReport;
import dev.mcpver.lifecycle.Stage;
import dev.mcpver.registry.Artifact;
import dev.mcpver.registry.ChecksumGate;
import dev.mcpver.registry.Registration;
import dev.mcpver.registry.Server;
import dev.mcpver.registry.ServerVersion;
import dev.mcpver.registry.TransitionOutcome;
import dev.mcpver.registry.VersionSpec;
import dev.mcpver.signing.Ed25519;
import dev.mcpver.signing.ReleaseManifest;
import dev.mcpver.signing.SignatureAttachment;
import dev.mcpver.signing.SignatureCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcpver versions …}: register, inspect, sign, attest and move versions, on the local database. */
@Command(
        name = "versions",
        mixinStandardHelpOptions = true,
        description = "Register versions, move them through the lifecycle, sign and verify them.")
final class VersionsCommand implements Runnable {
    /** Environment variable holding a PEM private key, as an alternative to --key-file. */
    static final String KEY_ENV = "MCPVER_SIGNING_KEY";

    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    static CommandLine tree(Map<String, String> env) {
        return new CommandLine(new VersionsCommand())
                .addSubcommand(new Register(env))
                .addSubcommand(new ListVersions(env))
                .addSubcommand(new Show(env))
                .addSubcommand(new Transition(env))
                .addSubcommand(new Gates(env))
                .addSubcommand(new Attest(env))
                .addSubcommand(new Sign(env))
                .addSubcommand(new Verify(env));
    }

    @Override
    public void run() {
        Output.out(spec).print(Output.usage(spec));
    }

    /** SERVER VERSION positional parameters. */
    abstract static class OnVersion extends LocalCommand {
        @Parameters(index = "0", paramLabel = "SERVER", description = "Server id or name.")
        String server = "";

        @Parameters(index = "1", paramLabel = "VERSION", description = "The version, e.g. 1.4.0.")
        String version = "";

        OnVersion(Map<String, String> env) {
            super(env);
        }

        ServerVersion target(Local local) {
            return version(local, server, version);
        }
    }

    @Command(
            name = "register",
            mixinStandardHelpOptions = true,
            description = "Register a version: from --file (JSON), or from --version with --artifact-file (hashed"
                    + " here) or --artifact-package with --sha256.")
    static final class Register extends LocalCommand {
        @Parameters(paramLabel = "SERVER", description = "Server id or name.")
        String server = "";

        @Option(names = "--file", paramLabel = "FILE", description = "The whole version as JSON.")
        @Nullable
        Path file;

        @Option(names = "--version", paramLabel = "VERSION")
        @Nullable
        String version;

        @Option(names = "--artifact-file", paramLabel = "PATH")
        @Nullable
        Path artifactFile;

        @Option(names = "--artifact-package", paramLabel = "SPEC", description = "e.g. npm:@acme/weather@1.2.0")
        @Nullable
        String artifactPackage;

        @Option(names = "--sha256", paramLabel = "HEX")
        @Nullable
        String sha256;

        @Option(names = "--changelog", paramLabel = "TEXT")
        @Nullable
        String changelog;

        @Option(names = "--surface", paramLabel = "FILE", description = "Surface snapshot (JSON).")
        @Nullable
        Path surface;

        @Option(names = "--dependency", paramLabel = "NAME=RANGE")
        List<String> dependencies = new ArrayList<>();

        @Option(names = "--security-update", paramLabel = "ID")
        List<String> securityUpdates = new ArrayList<>();

        Register(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(Local local) {
            Server found = server(local, server);
            VersionSpec versionSpec =
                    file != null ? convert(readJson(file), VersionSpec.class, file.toString()) : fromFlags();
            Registration outcome = local.wiring().registry().register(found.id(), versionSpec, local.actor());
            if (outcome instanceof Registration.Registered registered) {
                return print(registered.version().withoutSurface());
            }
            if (outcome instanceof Registration.Duplicate duplicate) {
                return negative(found.name() + " already has version " + duplicate.existing());
            }
            return negative("no server " + server);
        }

        private VersionSpec fromFlags() {
            if (version == null || (artifactFile == null) == (artifactPackage == null)) {
                throw new IllegalArgumentException(
                        "give --file, or --version with exactly one of --artifact-file and --artifact-package");
            }
            Artifact artifact = artifactFile != null
                    ? new Artifact("path", artifactFile.toAbsolutePath().toString(), ChecksumGate.sha256(artifactFile))
                    : new Artifact("package", artifactPackage, String.valueOf(sha256));
            Map<String, String> deps = new LinkedHashMap<>();
            for (String dependency : dependencies) {
                int eq = dependency.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--dependency: expected NAME=RANGE, got " + dependency);
                }
                deps.put(dependency.substring(0, eq), dependency.substring(eq + 1));
            }
            JsonNode surfaceJson = surface == null ? null : readJson(surface);
            return new VersionSpec(
                    version, changelog == null ? "" : changelog, securityUpdates, deps, surfaceJson, artifact);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "A server's versions, newest first.")
    static final class ListVersions extends LocalCommand {
        @Parameters(paramLabel = "SERVER")
        String server = "";

        @Option(names = "--stage")
        @Nullable
        String stage;

        ListVersions(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(Local local) {
            Stage wanted = stage == null
                    ? null
                    : Stage.fromWire(stage)
                            .orElseThrow(() -> new IllegalArgumentException("--stage: not a stage: " + stage));
            List<ServerVersion> versions = local
                    .wiring()
                    .registry()
                    .versions(server(local, server).id())
                    .stream()
                    .filter(v -> wanted == null || v.stage() == wanted)
                    .toList();
            return print(Map.of("items", versions));
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "One version with attestations and gate reports.")
    static final class Show extends OnVersion {
        Show(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(Local local) {
            ServerVersion v = target(local);
            return print(Map.of(
                    "version",
                    v,
                    "attestations",
                    local.wiring().registry().attestations(v.id()),
                    "gateReports",
                    local.wiring().registry().gateReports(v.id())));
        }
    }

    @Command(
            name = "transition",
            mixinStandardHelpOptions = true,
            description = "Move a version to another stage; exit 1 when the table or a gate refuses.")
    static final class Transition extends OnVersion {
        @Option(names = "--to", required = true, paramLabel = "STAGE")
        String to = "";

        Transition(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(Local local) {
            Stage stage =
                    Stage.fromWire(to).orElseThrow(() -> new IllegalArgumentException("--to: not a stage: " + to));
            TransitionOutcome outcome =
                    local.wiring().lifecycle().transition(target(local).id(), stage, null, local.actor());
            if (outcome instanceof TransitionOutcome.Moved moved) {
                Map<String, @Nullable Object> body = new LinkedHashMap<>();
                body.put("version", moved.version().withoutSurface());
                body.put("gateReport", moved.report());
                return print(body);
            }
            if (outcome instanceof TransitionOutcome.GatesFailed failed) {
                Output.json(out(), failed.report());
                return negative("promotion refused by "
                        + String.join(", ", failed.report().failedGates()) + " (security score "
                        + failed.report().score() + ")");
            }
            if (outcome instanceof TransitionOutcome.NotAllowed no) {
                return negative("cannot move from " + no.from() + " to " + no.to() + "; allowed next states: "
                        + (no.allowedNext().isEmpty() ? "none" : no.allowedNext()));
            }
            return negative("the version changed meanwhile; retry");
        }
    }

    @Command(
            name = "gates",
            mixinStandardHelpOptions = true,
            description = "Preview the production gates (nothing is stored); exit 1 when they would refuse.")
    static final class Gates extends OnVersion {
        Gates(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(Local local) {
            GateReport report = local.wiring()
                    .lifecycle()
                    .checkGates(target(local).id(), Stage.PRODUCTION)
                    .orElseThrow();
            print(report);
            return report.passed() ? Cli.OK : negative("the gates would refuse: " + report.failedGates());
        }
    }

    @Command(
            name = "attest",
            mixinStandardHelpOptions = true,
            description = "Attach an attestation, e.g. --kind coverage --value '{\"percent\": 87.5}'.")
    static final class Attest extends OnVersion {
        @Option(names = "--kind", required = true)
        String kind = "";

        @Option(names = "--value", required = true, paramLabel = "JSON")
        String value = "";

        Attest(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(Local local) {
            JsonNode parsed;
            try {
                parsed = Json.mapper().readTree(value);
            } catch (IOException e) {
                throw new IllegalArgumentException("--value: not valid JSON");
            }
            dev.mcpver.registry.Attestation.requireValid(kind, parsed);
            return print(local.wiring()
                    .registry()
                    .attest(target(local).id(), kind, parsed, local.actor())
                    .orElseThrow());
        }
    }

    @Command(
            name = "sign",
            mixinStandardHelpOptions = true,
            description = "Sign a version's release manifest with a private key from --key-file or $" + KEY_ENV
                    + " (never stored); the signature is verified with the registered public key, then stored.")
    static final class Sign extends OnVersion {
        @Option(names = "--key-id", required = true, paramLabel = "ID")
        String keyId = "";

        @Option(names = "--key-file", paramLabel = "FILE")
        @Nullable
        Path keyFile;

        Sign(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(Local local) throws IOException {
            ServerVersion v = target(local);
            ReleaseManifest manifest = local.wiring().signing().manifest(v.id()).orElseThrow();
            String signature = Ed25519.sign(privateKey(env, keyFile), manifest.bytes());
            SignatureAttachment outcome = local.wiring().signing().attach(v.id(), keyId, signature, local.actor());
            if (outcome instanceof SignatureAttachment.Attached attached) {
                return print(attached.signature());
            }
            if (outcome instanceof SignatureAttachment.Invalid) {
                return negative("the signature does not verify with the registered key " + keyId
                        + ": is it the matching private key?");
            }
            return negative("key " + keyId + " is not registered or was revoked");
        }
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Check the version's signatures against its manifest; exit 1 when none is valid.")
    static final class Verify extends OnVersion {
        Verify(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(Local local) {
            SignatureCheck check =
                    local.wiring().signing().verify(target(local).id()).orElseThrow();
            print(check);
            return check.valid()
                    ? Cli.OK
                    : negative("no valid signature: "
                            + check.signatures().stream()
                                    .map(s -> s.keyId() + ": " + s.reason())
                                    .toList());
        }
    }

    /** The private key from a file, else from the environment; its text is never printed or logged. */
    static PrivateKey privateKey(Map<String, String> env, @Nullable Path keyFile) throws IOException {
        String pem = keyFile != null ? Files.readString(keyFile, StandardCharsets.UTF_8) : env.get(KEY_ENV);
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("give --key-file or set " + KEY_ENV + " to the PEM private key");
        }
        return Ed25519.parsePrivate(pem);
    }
}
