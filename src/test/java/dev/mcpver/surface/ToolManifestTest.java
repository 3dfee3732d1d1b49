package dev.mcpver.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.mcpver.App;
import dev.mcpver.AppConfig;
import dev.mcpver.BuildInfo;
import dev.mcpver.compat.Bump;
import dev.mcpver.compat.Change;
import dev.mcpver.compat.CompatAnalyzer;
import dev.mcpver.compat.CompatReport;
import dev.mcpver.compat.Level;
import dev.mcpver.compat.Policy;
import dev.mcpver.compat.Surface;
import dev.mcpver.compat.SurfaceParser;
import dev.mcpver.json.Json;
import dev.mcpver.tools.ToolDef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dog-fooding: {@code tools/mcpver.surface.json} is mcpver's surface as last released. This test regenerates the
 * surface from the current catalog and runs our own analyzer against the committed file: a breaking change without a
 * major bump of the project version fails the build. At a release, regenerate the file ({@code mvn test
 * -Dtest=ToolManifestTest -Dmcpver.manifest.write=true}, or {@code mcpver manifest -o tools/mcpver.surface.json}).
 */
class ToolManifestTest {
    private static final Path COMMITTED = Path.of(ToolManifest.FILE);

    @TempDir
    static Path home;

    static List<ToolDef> tools;

    @BeforeAll
    static void catalog() {
        AppConfig config = AppConfig.load(
                Map.of(),
                Map.of(
                        "db",
                        home.resolve("m.db").toString(),
                        "home",
                        home.toString(),
                        "port",
                        "0",
                        "log-level",
                        "warn"));
        App app = new App(config);
        tools = app.catalog().tools();
        app.close();
    }

    @Test
    void should_not_break_the_released_surface_without_a_major_bump() throws IOException {
        String generated = ToolManifest.text(tools, BuildInfo.version());
        if (Boolean.getBoolean("mcpver.manifest.write")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        if (!Files.exists(COMMITTED)) {
            fail(COMMITTED + " is missing: generate it with -Dmcpver.manifest.write=true");
        }
        Surface released = parse(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        Surface current = parse(generated);

        CompatReport report = new CompatAnalyzer().analyze(released, current, Policy.DEFAULT);

        if (report.requiredBump() == Bump.MAJOR && report.underBumped()) {
            fail("the tool surface breaks clients of " + released.server().version() + " but the project version "
                    + BuildInfo.version() + " is not a major bump:\n"
                    + report.changes().stream()
                            .filter(c -> c.level() == Level.BREAKING)
                            .map(Change::message)
                            .collect(Collectors.joining("\n")));
        }
    }

    @Test
    void should_describe_every_catalog_tool_deterministically() {
        String first = ToolManifest.text(tools, "1.2.3");
        String second = ToolManifest.text(tools, "1.2.3");
        Surface surface = parse(first);

        assertThat(second).isEqualTo(first);
        assertThat(surface.tools().items())
                .extracting(Surface.Tool::name)
                .containsExactlyElementsOf(tools.stream().map(ToolDef::name).toList());
        assertThat(surface.server().version()).isEqualTo("1.2.3");
    }

    private static Surface parse(String text) {
        try {
            return SurfaceParser.parse(JsonValues.fromJackson(Json.create().readTree(text)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
