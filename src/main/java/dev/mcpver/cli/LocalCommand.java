package dev.mcpver.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.json.Json;
import dev.mcpver.registry.Server;
import dev.mcpver.registry.ServerVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * Base of the commands that act on the local database: the {@code --db} option, the environment, output helpers
 * and lookups by server name or id. A missing server or version is a negative answer (exit 1).
 */
abstract class LocalCommand implements Callable<Integer> {
    protected final Map<String, String> env;

    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    @Mixin
    Local.DbOption db = new Local.DbOption();

    LocalCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public final Integer call() throws IOException {
        Local local = Local.open(env, db);
        try {
            return run(local);
        } catch (Missing e) {
            return negative(String.valueOf(e.getMessage()));
        }
    }

    abstract int run(Local local) throws IOException;

    PrintWriter out() {
        return Output.out(spec);
    }

    int print(Object value) {
        Output.json(out(), value);
        return Cli.OK;
    }

    int negative(String message) {
        return Output.negative(Output.err(spec), message);
    }

    /** Thrown for a lookup that misses: reported as one line and exit 1. */
    static final class Missing extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Missing(String message) {
            super(message, null, false, false);
        }
    }

    static Server server(Local local, String idOrName) {
        return local.wiring()
                .registry()
                .serverByIdOrName(idOrName)
                .orElseThrow(() -> new Missing("no server with id or name " + idOrName));
    }

    static ServerVersion version(Local local, String server, String version) {
        Server found = server(local, server);
        return local.wiring()
                .registry()
                .version(found.id(), version)
                .orElseThrow(() -> new Missing(found.name() + " has no version " + version));
    }

    /** Reads a JSON file; a missing file or malformed JSON is invalid input (exit 2). */
    static JsonNode readJson(Path file) {
        try {
            return Json.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** Converts JSON to a validated record; a record's complaint names the field (exit 2). */
    static <T> T convert(JsonNode node, Class<T> type, String source) {
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException(source + ": " + cause.getMessage());
        }
    }
}
