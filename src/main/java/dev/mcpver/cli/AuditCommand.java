package dev.mcpver.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.audit.AuditEntry;
import dev.mcpver.audit.AuditVerification;
import dev.mcpver.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mcpver audit verify|export}: check the hash chain; export it as JSON lines. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Verify the tamper-evident audit trail, or export it as JSON lines.")
final class AuditCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    static CommandLine tree(Map<String, String> env) {
        return new CommandLine(new AuditCommand())
                .addSubcommand(new Verify(env))
                .addSubcommand(new Export(env));
    }

    @Override
    public void run() {
        Output.out(spec).print(Output.usage(spec));
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Re-hash every entry; exit 1 and name each break when the chain was tampered with.")
    static final class Verify implements Callable<Integer> {
        private final Map<String, String> env;

        @CommandLine.Spec
        CommandLine.Model.@Nullable CommandSpec spec;

        @Mixin
        Local.DbOption db = new Local.DbOption();

        Verify(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() {
            Local local = Local.open(env, db);
            long started = System.nanoTime();
            AuditVerification verification = local.wiring().audit().verify();
            ObjectNode answer = Json.mapper().valueToTree(verification);
            answer.put("durationMs", (System.nanoTime() - started) / 1_000_000);
            Output.json(Output.out(spec), answer);
            if (verification.valid()) {
                return Cli.OK;
            }
            return Output.negative(
                    Output.err(spec),
                    "audit chain broken: " + verification.problems().get(0).detail() + " ("
                            + verification.problemCount() + " problem(s))");
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write every entry as one JSON line.")
    static final class Export implements Callable<Integer> {
        private final Map<String, String> env;

        @CommandLine.Spec
        CommandLine.Model.@Nullable CommandSpec spec;

        @Mixin
        Local.DbOption db = new Local.DbOption();

        @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
        @Nullable
        Path out;

        Export(Map<String, String> env) {
            this.env = env;
        }

        @Override
        public Integer call() throws IOException {
            Local local = Local.open(env, db);
            if (out == null) {
                write(local, Output.out(spec));
                return Cli.OK;
            }
            try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), false)) {
                write(local, file);
            }
            return Cli.OK;
        }

        private static void write(Local local, PrintWriter target) {
            local.wiring().audit().forEach(entry -> line(target, entry));
            target.flush();
        }

        private static void line(Writer target, AuditEntry entry) {
            try {
                target.write(Json.mapper().writeValueAsString(entry.toJson()));
                target.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
