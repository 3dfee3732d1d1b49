package dev.mcpver.cli;

import dev.mcpver.signing.Ed25519;
import dev.mcpver.signing.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mcpver keys generate|register|list|revoke|sign}: Ed25519 release-signing keys. */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = "Generate Ed25519 signing keys, register public keys, sign manifests offline.")
final class KeysCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    static CommandLine tree(Map<String, String> env) {
        return new CommandLine(new KeysCommand())
                .addSubcommand(new Generate(env))
                .addSubcommand(new Register(env))
                .addSubcommand(new ListKeys(env))
                .addSubcommand(new Revoke(env))
                .addSubcommand(new SignManifest(env));
    }

    @Override
    public void run() {
        Output.out(spec).print(Output.usage(spec));
    }

    @Command(
            name = "generate",
            mixinStandardHelpOptions = true,
            description = "Write ID.key (private, PKCS#8 PEM, owner-only) and ID.pub (public PEM) into --out; with"
                    + " --register, also register the public key. The private key never enters the database.")
    static final class Generate implements Callable<Integer> {
        private final Map<String, String> env;

        @CommandLine.Spec
        CommandLine.Model.@Nullable CommandSpec spec;

        @Option(names = "--id", required = true, paramLabel = "ID")
        String id = "";

        @Option(names = "--out", paramLabel = "DIR", defaultValue = ".")
        Path out = Path.of(".");

        @Option(names = "--register", description = "Also register the public key in the database.")
        boolean register;

        @CommandLine.Mixin
        Local.DbOption db = new Local.DbOption();

        Generate(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() throws IOException {
            SigningKey.requireValidId(id);
            Path privateFile = out.resolve(id + ".key");
            Path publicFile = out.resolve(id + ".pub");
            if (Files.exists(privateFile)) {
                throw new IllegalArgumentException(privateFile + " exists already; refusing to overwrite a key");
            }
            KeyPair pair = Ed25519.generate(new SecureRandom());
            Files.createDirectories(out);
            writeOwnerOnly(privateFile, Ed25519.privatePem(pair.getPrivate()));
            Files.writeString(publicFile, Ed25519.publicPem(pair.getPublic()), StandardCharsets.UTF_8);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("id", id);
            result.put("fingerprint", Ed25519.fingerprint(pair.getPublic()));
            result.put("privateKeyFile", privateFile.toString());
            result.put("publicKeyFile", publicFile.toString());
            result.put("publicKey", Ed25519.publicPem(pair.getPublic()));
            if (register) {
                Local local = Local.open(env, db);
                result.put(
                        "registered",
                        local.wiring()
                                .signing()
                                .registerKey(id, Ed25519.publicPem(pair.getPublic()), local.actor())
                                .isPresent());
            }
            Output.json(Output.out(spec), result);
            return Cli.OK;
        }

        private static void writeOwnerOnly(Path file, String content) throws IOException {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }
    }

    @Command(name = "register", mixinStandardHelpOptions = true, description = "Register a public key under an id.")
    static final class Register extends LocalCommand {
        @Option(names = "--id", required = true, paramLabel = "ID")
        String id = "";

        @Option(names = "--public-key", required = true, paramLabel = "FILE")
        Path publicKey = Path.of("key.pub");

        Register(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(Local local) throws IOException {
            String pem = Files.readString(publicKey, StandardCharsets.UTF_8);
            return local.wiring()
                    .signing()
                    .registerKey(id, pem, local.actor())
                    .map(this::print)
                    .orElseGet(() -> negative("a key with id " + id + " is registered already"));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Registered public keys.")
    static final class ListKeys extends LocalCommand {
        ListKeys(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(Local local) {
            return print(Map.of("items", local.wiring().signing().keys()));
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = "Revoke a key: its signatures stop counting.")
    static final class Revoke extends LocalCommand {
        @Parameters(paramLabel = "ID")
        String id = "";

        Revoke(Map<String, String> env) {
            super(env);
        }

        @Override
        int run(Local local) {
            return local.wiring()
                    .signing()
                    .revokeKey(id, local.actor())
                    .map(this::print)
                    .orElseGet(() -> negative("no active key with id " + id));
        }
    }

    @Command(
            name = "sign",
            mixinStandardHelpOptions = true,
            description = "Sign a manifest offline (the 'canonical' text of GET /api/v1/versions/{id}/manifest, in a"
                    + " file); prints the base64 signature to POST to …/signatures. Touches no database.")
    static final class SignManifest implements Callable<Integer> {
        private final Map<String, String> env;

        @CommandLine.Spec
        CommandLine.Model.@Nullable CommandSpec spec;

        @Option(names = "--manifest", required = true, paramLabel = "FILE")
        Path manifest = Path.of("manifest.json");

        @Option(names = "--key-file", paramLabel = "FILE")
        @Nullable
        Path keyFile;

        SignManifest(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() throws IOException {
            byte[] bytes =
                    Files.readString(manifest, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
            String signature = Ed25519.sign(VersionsCommand.privateKey(env, keyFile), bytes);
            Output.json(Output.out(spec), Map.of("signature", signature));
            return Cli.OK;
        }
    }
}
