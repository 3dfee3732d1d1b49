package dev.mcpver.cli;

import dev.mcpver.App;
import dev.mcpver.AppConfig;
import dev.mcpver.json.Json;
import dev.mcpver.mcp.McpManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mcpver manifest}: writes mcpver's own MCP surface (initialize result, tools, prompts, resources, resource
 * templates) to {@code tools/mcpver-surface.json}, the file the dog-food test compares with our analyzer. Builds the
 * same object graph as {@code serve}, on a throw-away database, so the manifest lists exactly what is served.
 */
@Command(
        name = "manifest",
        mixinStandardHelpOptions = true,
        description = "Write mcpver's own MCP surface as JSON (default " + McpManifest.DEFAULT_PATH + "; - = stdout).")
final class ManifestCommand implements Callable<Integer> {
    private final Map<String, String> env;

    @CommandLine.Spec
    CommandLine.Model.@org.jspecify.annotations.Nullable CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file, or - for stdout.")
    String out = McpManifest.DEFAULT_PATH;

    ManifestCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        String manifest = render();
        if (out.equals("-")) {
            java.util.Objects.requireNonNull(spec).commandLine().getOut().print(manifest);
            return Cli.OK;
        }
        Path target = Path.of(out);
        if (target.toAbsolutePath().getParent() != null) {
            Files.createDirectories(target.toAbsolutePath().getParent());
        }
        Files.writeString(target, manifest, StandardCharsets.UTF_8);
        return Cli.OK;
    }

    private String render() throws IOException {
        Path scratch = Files.createTempDirectory("mcpver-manifest");
        try {
            AppConfig config = AppConfig.load(
                    env,
                    Map.of(
                            "db",
                            scratch.resolve("manifest.db").toString(),
                            "home",
                            scratch.toString(),
                            "log-level",
                            "warn"));
            try (App app = new App(config)) {
                return McpManifest.render(app.mcpSurface(), Json.mapper());
            }
        } finally {
            deleteRecursively(scratch);
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
