package dev.mcpver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of docs/architecture.md, checked on the sources: engines stay pure, and persistence types
 * stay in the store.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/dev/mcpver");
    private static final List<String> ENGINES =
            List.of("semver", "compat", "migrate", "rollback", "abtest", "lifecycle");
    private static final List<String> EDGE_TYPES = List.of(
            "io.javalin",
            "org.jdbi",
            "java.sql",
            "com.fasterxml.jackson.databind",
            "dev.langchain4j",
            "io.modelcontextprotocol",
            "jakarta.servlet",
            "org.eclipse.jetty",
            "picocli");

    @Test
    void should_keep_engine_packages_free_of_http_database_json_framework_and_llm_types() {
        List<String> violations = new ArrayList<>();
        for (String engine : ENGINES) {
            for (Path file : javaFiles(MAIN.resolve(engine))) {
                imports(file).stream()
                        .filter(imported -> EDGE_TYPES.stream().anyMatch(imported::startsWith))
                        .forEach(imported -> violations.add(MAIN.relativize(file) + " imports " + imported));
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void should_use_jdbi_and_flyway_only_inside_the_store() {
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles(MAIN)) {
            if (MAIN.relativize(file).startsWith("store")) {
                continue;
            }
            imports(file).stream()
                    .filter(imported -> imported.startsWith("org.jdbi") || imported.startsWith("org.flywaydb"))
                    .forEach(imported -> violations.add(MAIN.relativize(file) + " imports " + imported));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void should_mark_every_package_null_checked() {
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            List<Path> packages = dirs.filter(Files::isDirectory)
                    .filter(ArchitectureTest::hasJavaFiles)
                    .toList();
            assertThat(packages)
                    .allSatisfy(dir -> assertThat(dir.resolve("package-info.java"))
                            .content(StandardCharsets.UTF_8)
                            .contains("@NullMarked"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasJavaFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> imports(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> line.startsWith("import "))
                    .map(line -> line.replace("import static ", "")
                            .replace("import ", "")
                            .replace(";", ""))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
