package dev.mcpver.cli;

import dev.mcpver.App;
import dev.mcpver.AppConfig;
import dev.mcpver.BuildInfo;
import dev.mcpver.surface.ToolManifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mcpver manifest}: mcpver's own surface file, generated from the tool catalog the running service would
 * offer (built against a throw-away database). Commit it as {@code tools/mcpver.surface.json} at each release.
 */
@Command(
        name = "manifest",
        mixinStandardHelpOptions = true,
        description = "Write mcpver's own MCP surface (the tool catalog) as a surface file.")
final class ManifestCommand implements Callable<Integer> {
    private final Map<String, String> env;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write here (e.g. tools/mcpver.surface.json).")
    @Nullable
    Path output;

    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    ManifestCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException {
        String text = generate(env);
        if (output != null) {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } else {
            PrintWriter out = Objects.requireNonNull(spec).commandLine().getOut();
            out.print(text);
            out.flush();
        }
        return Cli.OK;
    }

    /** The manifest text of the catalog an {@link App} builds. */
    static String generate(Map<String, String> env) throws IOException {
        Path home = Files.createTempDirectory("mcpver-manifest-");
        try {
            AppConfig config = AppConfig.load(
                    env,
                    Map.of(
                            "db",
                            home.resolve("manifest.db").toString(),
                            "home",
                            home.toString(),
                            "port",
                            "0",
                            "log-level",
                            "warn"));
            App app = new App(config);
            try {
                return ToolManifest.text(app.catalog().tools(), BuildInfo.version());
            } finally {
                app.close();
            }
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
