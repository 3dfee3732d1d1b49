package dev.mcpver.compat;

import dev.mcpver.compat.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares two surfaces of an MCP server and reports what changed, what breaks whom and which bump the release
 * owes. Pure and deterministic: no I/O, no clock; equal inputs give equal reports. Thread-safe (stateless).
 *
 * <pre>{@code
 * CompatReport report = new CompatAnalyzer().analyze(SurfaceParser.parse(oldJson), SurfaceParser.parse(newJson),
 *         Policy.DEFAULT);
 * String json = JsonWriter.pretty(report.toJson());
 * }</pre>
 */
public final class CompatAnalyzer {
    public CompatReport analyze(Surface before, Surface after, Policy policy) {
        return analyze(before, after, policy, List.of());
    }

    /**
     * Transitive mode (Confluent's {@code *_TRANSITIVE}): judges {@code next} against its predecessor and,
     * additionally, against every older release in {@code history} (oldest first; the last one is the predecessor).
     */
    public CompatReport analyzeTransitive(List<Surface> history, Surface next, Policy policy) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("transitive analysis needs at least one earlier release");
        }
        List<CompatReport.Transitive> older = new ArrayList<>();
        for (Surface release : history.subList(0, history.size() - 1)) {
            CompatReport report = analyze(release, next, policy);
            older.add(new CompatReport.Transitive(
                    CompatReport.Identity.of(release), report.requiredBump(), report.counts(), report.changes()));
        }
        return analyze(history.get(history.size() - 1), next, policy, older);
    }

    private CompatReport analyze(Surface before, Surface after, Policy policy, List<CompatReport.Transitive> older) {
        SurfaceDiff diff = new SurfaceDiff(before, after, policy);
        Findings findings = diff.run();
        List<Change> changes = new ArrayList<>();
        for (Change change : findings.changes()) {
            policy.apply(change).ifPresent(changes::add);
        }
        sort(changes);
        Bump required = changes.stream().map(Change::bump).reduce(Bump.NONE, Bump::max);
        VersionCheck versions = VersionCheck.of(before, after);
        boolean underBumped = versions.declared() != null && versions.declared().compareTo(required) < 0;
        CompatReport.Counts counts = CompatReport.Counts.of(changes);
        boolean rollback = counts.breaking() > 0
                && versions.declared() != null
                && versions.declared() != Bump.MAJOR
                && required == Bump.MAJOR;
        double score = Scoring.score(before, changes);
        double complexity = Scoring.complexity(changes);
        Map<String, String> renames = diff.renames();
        return new CompatReport(
                required,
                versions.declared(),
                underBumped,
                score,
                Scoring.level(score, counts.breaking(), counts.potentiallyBreaking()),
                Scoring.bucket(complexity),
                complexity,
                counts,
                renames,
                changes,
                Actions.recommend(changes, renames, required, versions, underBumped, rollback),
                rollback,
                CompatReport.Identity.of(before),
                CompatReport.Identity.of(after),
                versions,
                Scoring.affectedTools(before, changes),
                before.tools().items().size(),
                policy,
                notes(findings, versions),
                older);
    }

    /** Sorts with {@link Change#ORDER}, then by values rendered once per change rather than per comparison. */
    private static void sort(List<Change> changes) {
        Map<Change, String> values = new java.util.IdentityHashMap<>();
        for (Change change : changes) {
            values.put(
                    change,
                    (change.before() == null ? "" : JsonWriter.canonical(change.before())) + "\u0000"
                            + (change.after() == null ? "" : JsonWriter.canonical(change.after())));
        }
        changes.sort(Change.ORDER.thenComparing(values::get));
    }

    private static List<String> notes(Findings findings, VersionCheck versions) {
        List<String> notes = new ArrayList<>(findings.notes());
        Optional.ofNullable(versions.note()).ifPresent(notes::add);
        return notes.stream().distinct().sorted().toList();
    }
}
