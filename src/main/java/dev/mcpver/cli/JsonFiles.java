package dev.mcpver.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads JSON input files for commands; every failure is one line naming the file (exit code 2 via {@link Cli}). */
final class JsonFiles {
    private JsonFiles() {}

    /** Straight into the engine's JSON model, interning shared parts (both releases read with one interner). */
    static dev.mcpver.compat.json.JsonValue value(Path file, dev.mcpver.compat.json.JsonInterner interner) {
        try {
            return dev.mcpver.surface.JsonValueReader.read(Files.readAllBytes(file), interner);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": invalid JSON" + where(e) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": invalid or unreadable JSON (" + e.getMessage() + ")");
        }
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
    }

    static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new IllegalArgumentException(file + ": invalid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
