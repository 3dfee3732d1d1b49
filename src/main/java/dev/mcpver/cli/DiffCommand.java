package dev.mcpver.cli;

import dev.mcpver.BuildInfo;
import dev.mcpver.compat.CompatAnalyzer;
import dev.mcpver.compat.CompatReport;
import dev.mcpver.compat.Level;
import dev.mcpver.compat.Policy;
import dev.mcpver.compat.ReportFormat;
import dev.mcpver.compat.ReportRenderer;
import dev.mcpver.compat.Surface;
import dev.mcpver.compat.SurfaceException;
import dev.mcpver.compat.SurfaceParser;
import dev.mcpver.compat.json.JsonInterner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mcpver diff OLD NEW}: the compatibility report between two surfaces, for CI. Exit codes: 0 the gate passes,
 * 1 it fails, 2 bad input. The default gate is the cargo-semver-checks one — the declared version must carry the
 * required bump; {@code --fail-on} gates on change levels instead.
 */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = "Compare two MCP server surfaces (surface files or captures) and report what breaks whom.",
        footer = {
            "",
            "Exit codes: 0 gate passed, 1 gate failed, 2 invalid input.",
            "Default gate: fail when the declared version bump is smaller than the required one."
        })
final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OLD", description = "Surface of the earlier release.")
    @Nullable
    Path before;

    @Parameters(index = "1", paramLabel = "NEW", description = "Surface of the release to judge.")
    @Nullable
    Path after;

    @Option(
            names = "--format",
            defaultValue = "text",
            paramLabel = "FORMAT",
            description = "text (default), json, markdown or sarif.")
    String format = "text";

    @Option(
            names = "--fail-on",
            paramLabel = "LEVEL",
            description = "Fail on any change of at least this level: breaking, potentially_breaking or any"
                    + " (none: never fail). Without it, fail when the release is under-bumped.")
    @Nullable
    String failOn;

    @Option(names = "--policy", paramLabel = "FILE", description = "Policy JSON: rule overrides, consumers, strict.")
    @Nullable
    Path policy;

    @Option(
            names = "--history",
            paramLabel = "FILE",
            description = "An older release to judge NEW against too (transitive mode); repeat, oldest first.")
    List<Path> history = new ArrayList<>();

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write the report here instead of stdout.")
    @Nullable
    Path output;

    @CommandLine.Spec
    CommandLine.Model.@Nullable CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ReportFormat reportFormat = ReportFormat.fromWire(format)
                .orElseThrow(() -> new IllegalArgumentException(
                        "--format must be text, json, markdown or sarif (got \"" + format + "\")"));
        Optional<Level> gate = gate();
        Path next = require(after, "NEW");
        JsonInterner interner = new JsonInterner();
        Surface old = surface(require(before, "OLD"), interner);
        Surface now = surface(next, interner);
        Policy rules = policy == null ? Policy.DEFAULT : policy(policy);
        CompatReport report;
        if (history.isEmpty()) {
            report = new CompatAnalyzer().analyze(old, now, rules);
        } else {
            List<Surface> releases = new ArrayList<>();
            history.forEach(file -> releases.add(surface(file, interner)));
            releases.add(old);
            report = new CompatAnalyzer().analyzeTransitive(releases, now, rules);
        }
        write(ReportRenderer.render(report, reportFormat, next.getFileName().toString(), BuildInfo.version()));
        return passes(report, gate) ? Cli.OK : Cli.NEGATIVE;
    }

    private static Surface surface(Path file, JsonInterner interner) {
        try {
            return SurfaceParser.parse(JsonFiles.value(file, interner));
        } catch (SurfaceException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    private static Policy policy(Path file) {
        try {
            return Policy.parse(JsonFiles.value(file, new JsonInterner()), "");
        } catch (SurfaceException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    private Optional<Level> gate() {
        if (failOn == null || failOn.equals("none")) {
            return Optional.empty();
        }
        if (failOn.equals("any")) {
            return Optional.of(Level.NON_BREAKING);
        }
        return Optional.of(Level.fromWire(failOn)
                .filter(l -> l != Level.NON_BREAKING)
                .orElseThrow(() -> new IllegalArgumentException(
                        "--fail-on must be breaking, potentially_breaking, any or none (got \"" + failOn + "\")")));
    }

    private boolean passes(CompatReport report, Optional<Level> gate) {
        if (failOn == null) {
            return !report.underBumped();
        }
        Optional<Level> worst = report.worstLevel();
        return gate.isEmpty() || worst.isEmpty() || worst.get().compareTo(gate.get()) < 0;
    }

    private static Path require(@Nullable Path path, String label) {
        if (path == null) {
            throw new IllegalArgumentException(label + " is required");
        }
        return path;
    }

    private void write(String text) throws IOException {
        if (output != null) {
            Files.writeString(output, text, StandardCharsets.UTF_8);
            return;
        }
        PrintWriter out = java.util.Objects.requireNonNull(spec).commandLine().getOut();
        out.print(text);
        out.flush();
    }
}
