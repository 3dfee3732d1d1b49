package dev.mcpver.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.mcpver.json.Json;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;

/** Command output: one JSON document per line, the same shapes the HTTP API answers. */
final class Output {
    private Output() {}

    static void json(PrintWriter out, Object value) {
        try {
            out.println(Json.mapper().writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PrintWriter out(CommandLine.Model.@Nullable CommandSpec spec) {
        return Objects.requireNonNull(spec, "picocli injects the spec")
                .commandLine()
                .getOut();
    }

    static PrintWriter err(CommandLine.Model.@Nullable CommandSpec spec) {
        return Objects.requireNonNull(spec, "picocli injects the spec")
                .commandLine()
                .getErr();
    }

    /** The usage text of a command group invoked without a subcommand. */
    static String usage(CommandLine.Model.@Nullable CommandSpec spec) {
        return Objects.requireNonNull(spec, "picocli injects the spec")
                .commandLine()
                .getUsageMessage();
    }

    /** A negative answer: one line on stderr, exit code 1. */
    static int negative(PrintWriter err, String message) {
        err.println("mcpver: " + message);
        return Cli.NEGATIVE;
    }
}
