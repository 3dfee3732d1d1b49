package dev.mcpver.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The prompt templates of {@code prompts/templates/*.md}, loaded once at start, sorted by name. Each file is markdown
 * with a YAML front matter block naming its title, description and arguments (format: {@code prompts/README.md}).
 * A malformed file stops the start with a message naming the file: prompts are source code. Immutable.
 */
public final class PromptLibrary {
    /** Where the build copies {@code prompts/templates} on the classpath. */
    public static final String CLASSPATH_DIRECTORY = "prompts/templates";

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final List<String> FRONT_MATTER_KEYS = List.of("name", "title", "description", "arguments");
    private static final List<String> ARGUMENT_KEYS = List.of("name", "description", "required", "default");
    private static final String FENCE = "---";

    private final List<PromptTemplate> templates;

    public PromptLibrary(List<PromptTemplate> templates) {
        this.templates = templates.stream()
                .sorted(Comparator.comparing(PromptTemplate::name))
                .toList();
    }

    /** No prompts (tests, or a build without {@code prompts/templates}). */
    public static PromptLibrary empty() {
        return new PromptLibrary(List.of());
    }

    /** The templates packaged in the jar (or on the test classpath). */
    public static PromptLibrary fromClasspath() {
        URL url = PromptLibrary.class.getClassLoader().getResource(CLASSPATH_DIRECTORY);
        if (url == null) {
            return empty();
        }
        URI uri = toUri(url);
        if (!"jar".equals(uri.getScheme())) {
            return fromDirectory(Path.of(uri));
        }
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
            return fromDirectory(jar.getPath(CLASSPATH_DIRECTORY));
        } catch (FileSystemAlreadyExistsException e) {
            return fromDirectory(FileSystems.getFileSystem(uri).getPath(CLASSPATH_DIRECTORY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code *.md} file directly in {@code directory}. */
    public static PromptLibrary fromDirectory(Path directory) {
        List<PromptTemplate> loaded = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(PromptLibrary::isTemplate).toList()) {
                loaded.add(parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt templates in " + directory, e);
        }
        return new PromptLibrary(loaded);
    }

    public List<PromptTemplate> templates() {
        return templates;
    }

    public Optional<PromptTemplate> find(String name) {
        return templates.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * Parses one template file.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    static PromptTemplate parse(String fileName, String text) {
        try {
            return parseChecked(fileName, text.replace("\r\n", "\n"));
        } catch (IllegalArgumentException | IOException e) {
            throw new IllegalArgumentException("prompts/templates/" + fileName + ": " + e.getMessage(), e);
        }
    }

    private static PromptTemplate parseChecked(String fileName, String text) throws IOException {
        if (!text.startsWith(FENCE + "\n")) {
            throw new IllegalArgumentException("must start with a '---' front matter block");
        }
        int end = text.indexOf("\n" + FENCE + "\n", FENCE.length());
        if (end < 0) {
            throw new IllegalArgumentException("the front matter block is not closed with '---'");
        }
        JsonNode front = YAML.readTree(text.substring(FENCE.length() + 1, end + 1));
        requireKeys(front, FRONT_MATTER_KEYS, "front matter");
        String name = fileName.substring(0, fileName.length() - ".md".length());
        String declared = front.path("name").asText(name);
        if (!declared.equals(name)) {
            throw new IllegalArgumentException("name '" + declared + "' differs from the file name '" + name + "'");
        }
        return new PromptTemplate(
                name,
                front.path("title").asText(""),
                front.path("description").asText("").strip(),
                arguments(front.path("arguments")),
                text.substring(end + FENCE.length() + 2).strip() + "\n");
    }

    private static List<PromptTemplate.Argument> arguments(JsonNode list) {
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new IllegalArgumentException("arguments must be a list");
        }
        List<PromptTemplate.Argument> arguments = new ArrayList<>();
        for (JsonNode argument : list) {
            requireKeys(argument, ARGUMENT_KEYS, "argument");
            arguments.add(new PromptTemplate.Argument(
                    argument.path("name").asText(""),
                    argument.path("description").asText("").strip(),
                    argument.path("required").asBoolean(false),
                    textOrNull(argument.get("default"))));
        }
        return arguments;
    }

    private static void requireKeys(JsonNode node, List<String> allowed, String what) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(what + " must be a YAML mapping");
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown " + what + " key '" + key + "'; allowed: " + allowed);
            }
        }
    }

    private static @Nullable String textOrNull(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static boolean isTemplate(Path file) {
        return file.getFileName().toString().endsWith(".md") && Files.isRegularFile(file);
    }

    private static URI toUri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unusable classpath URL " + url, e);
        }
    }
}
