package dev.mcpver.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.compat.CompatAnalyzer;
import dev.mcpver.compat.CompatReport;
import dev.mcpver.compat.Policy;
import dev.mcpver.compat.ReportFormat;
import dev.mcpver.compat.ReportRenderer;
import dev.mcpver.compat.Surface;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Published reference servers from the npm registry, installed pinned under {@code target/npm-reference} (the only
 * network access: {@code npm install}, which CI runs ahead — see the README). Skipped when node/npm are absent or the
 * install is impossible (offline).
 */
class ReferenceServerTest {
    static final Path ROOT = Path.of("target/npm-reference");
    static final String FILESYSTEM = "@modelcontextprotocol/server-filesystem";
    static final String EVERYTHING = "@modelcontextprotocol/server-everything";

    @TempDir
    Path files;

    private final Snapshotter snapshotter = Fixtures.snapshotter();

    @Test
    void should_snapshot_and_compare_two_releases_of_the_filesystem_server() throws IOException {
        Files.writeString(files.resolve("hello.txt"), "hi");
        Surface older = snapshotter.snapshot(
                filesystem("2025.8.21"), SnapshotOptions.defaults().withPackage(FILESYSTEM, "2025.8.21"));
        Surface newer = snapshotter.snapshot(
                filesystem("2025.11.25"), SnapshotOptions.defaults().withPackage(FILESYSTEM, "2025.11.25"));

        CompatReport report = new CompatAnalyzer().analyze(older, newer, Policy.DEFAULT);
        String text = ReportRenderer.render(report, ReportFormat.TEXT, "newer.json", "test");

        assertThat(older.tools().items())
                .extracting(Surface.Tool::name)
                .contains("read_file", "write_file", "list_directory", "search_files");
        assertThat(newer.tools().items()).extracting(Surface.Tool::name).contains("read_text_file", "read_media_file");
        assertThat(older.protocol().probed()).isTrue();
        assertThat(older.protocol().versions()).contains("2024-11-05", "2025-06-18");
        assertThat(report.versions().scheme()).isEqualTo("calver");
        assertThat(report.changes()).as(text).isNotEmpty();
        assertThat(new CompatAnalyzer().analyze(older, newer, Policy.DEFAULT)).isEqualTo(report);
    }

    @Test
    void should_take_identical_snapshots_of_the_everything_server_twice() {
        Path script = installed(EVERYTHING, "2026.1.26").resolve("dist/index.js");
        Surface first = snapshotter.snapshot(
                node(script, "stdio"), SnapshotOptions.defaults().withoutProbes());
        Surface second = snapshotter.snapshot(
                node(script, "stdio"), SnapshotOptions.defaults().withoutProbes());

        assertThat(first.tools().items()).hasSizeGreaterThan(5);
        assertThat(first.prompts().items()).isNotEmpty();
        assertThat(first.resources().items()).isNotEmpty();
        assertThat(second).isEqualTo(first);
        assertThat(new CompatAnalyzer().analyze(first, second, Policy.DEFAULT).changes())
                .isEmpty();
    }

    private LaunchSpec.Stdio filesystem(String version) {
        Path script = installed(FILESYSTEM, version).resolve("dist/index.js");
        return node(script, files.toString());
    }

    private static LaunchSpec.Stdio node(Path script, String argument) {
        return new LaunchSpec.Stdio(
                "node", List.of(script.toAbsolutePath().toString(), argument), Map.of(), null, false);
    }

    /** The package directory, installing it with npm when missing; the test is skipped when that is impossible. */
    static Path installed(String pkg, String version) {
        Assumptions.assumeTrue(onPath("node") && onPath("npm"), "node and npm are not installed");
        Path prefix = ROOT.resolve(pkg.replace('/', '_') + "@" + version);
        Path dir = prefix.resolve("node_modules").resolve(pkg);
        if (Files.exists(dir.resolve("package.json"))) {
            return dir;
        }
        try {
            Process npm = new ProcessBuilder(
                            "npm",
                            "install",
                            "--prefix",
                            prefix.toString(),
                            "--no-audit",
                            "--no-fund",
                            "--ignore-scripts",
                            "--loglevel=error",
                            pkg + "@" + version)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            boolean done = npm.waitFor(180, TimeUnit.SECONDS);
            Assumptions.assumeTrue(
                    done && npm.exitValue() == 0, "npm install " + pkg + "@" + version + " failed (offline?)");
        } catch (IOException e) {
            Assumptions.abort("npm is not usable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Assumptions.abort("interrupted");
        }
        return dir;
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null
                && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
