package dev.mcpver.surface;

import dev.mcpver.compat.CompatReport;
import dev.mcpver.compat.Surface;
import dev.mcpver.compat.SurfaceException;
import dev.mcpver.compat.json.JsonInterner;
import dev.mcpver.registry.Bump;
import dev.mcpver.registry.CompatCheck;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The registry's compatibility port answered by the analyzer: the registry's promotion gate and version
 * assessments get the required bump and the full report. Surfaces the analyzer cannot read leave the pair unjudged
 * (the gate then warns), as the port asks.
 */
public final class AnalyzerCompatCheck implements CompatCheck {
    /** Recorded with every assessment; changes whenever the judgement may change. */
    public static final String ANALYZER = "mcpver-compat/" + CompatReport.REPORT_VERSION;

    private final CompatService service;

    public AnalyzerCompatCheck(CompatService service) {
        this.service = service;
    }

    @Override
    public Optional<Required> requiredBump(VersionSurface previous, VersionSurface candidate) {
        Surface before;
        Surface after;
        try {
            JsonInterner interner = new JsonInterner();
            before = versioned(CompatService.parse(previous.surface(), "/previous", interner), previous.version());
            after = versioned(CompatService.parse(candidate.surface(), "/candidate", interner), candidate.version());
        } catch (SurfaceException e) {
            return Optional.empty();
        }
        CompatReport report = service.report(before, after);
        Bump bump = Bump.valueOf(report.requiredBump().name());
        return Optional.of(new Required(ANALYZER, bump, summary(report), JsonValues.toJackson(report.toJson())));
    }

    private static Surface versioned(Surface surface, String version) {
        return surface.withServer(new Surface.PackageInfo(
                surface.server().name(), version, surface.server().mcpName()));
    }

    private static String summary(CompatReport report) {
        CompatReport.Counts counts = report.counts();
        List<String> parts = List.of(
                counts.breaking() + " breaking",
                counts.potentiallyBreaking() + " potentially breaking",
                counts.nonBreaking() + " non-breaking");
        return String.format(
                Locale.ROOT,
                "%s changes; the release requires a %s bump.",
                String.join(", ", parts),
                report.requiredBump().wireName());
    }
}
