package dev.mcpver.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A versioned prompt from {@code prompts/} (bundled into the jar under {@code /prompts}); runs record its SHA-256
 * and store the text once as a blob.
 *
 * @param name file name without {@code .txt}, e.g. {@code agent-system-v1}
 */
public record Prompt(String name, String text) {
    public static final String SYSTEM = "agent-system-v1";

    public Prompt {
        if (text.isBlank()) {
            throw new IllegalArgumentException("prompt " + name + " is empty");
        }
    }

    public static Prompt load(String name) {
        String resource = "/prompts/" + name + ".txt";
        try (InputStream in = Prompt.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("prompt " + resource + " is not on the classpath");
            }
            return new Prompt(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String sha256() {
        return Blob.sha256Of(text);
    }
}
