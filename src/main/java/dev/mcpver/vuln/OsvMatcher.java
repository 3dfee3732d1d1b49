package dev.mcpver.vuln;

import dev.mcpver.semver.Range;
import dev.mcpver.semver.Version;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether an OSV advisory hits a version or a dependency range, with our SemVer engine.
 *
 * <ul>
 *   <li>A <b>version</b> is hit when a listed version has the same precedence, or it lies in an affected span.
 *   <li>A <b>dependency range</b> is hit when it admits a listed version ({@link Range#test}, prerelease rule
 *       included), or when one of its comparator sets overlaps an affected span: the registry stores ranges, not
 *       resolutions, so a range that <i>can</i> resolve to an affected version is reported (ADR 0033).
 * </ul>
 *
 * Package names are compared case-insensitively; ecosystems are reported, not compared (a dependency carries none).
 * Ranges of type {@code GIT}, and ranges whose versions are not SemVer, are not evaluated. Stateless.
 */
public final class OsvMatcher {
    private OsvMatcher() {}

    /** Hits on a server's own package(s) at {@code version}. */
    public static List<AdvisoryHit> match(OsvAdvisory advisory, Collection<String> packageNames, Version version) {
        List<AdvisoryHit> hits = new ArrayList<>();
        for (OsvAdvisory.Affected affected : advisory.affected()) {
            if (named(affected, packageNames) && affects(affected, version)) {
                hits.add(hit(advisory, affected, "version", version.toString(), null));
            }
        }
        return hits;
    }

    /** Hits on a dependency declared as {@code name → range} (the range as declared, e.g. {@code ^3.23.0}). */
    public static List<AdvisoryHit> match(OsvAdvisory advisory, String dependency, String declaredRange) {
        Range range = Range.parse(declaredRange);
        List<AdvisoryHit> hits = new ArrayList<>();
        for (OsvAdvisory.Affected affected : advisory.affected()) {
            if (named(affected, List.of(dependency)) && admitsAffected(affected, range)) {
                boolean fixable = fixedVersions(affected).stream()
                        .map(Version::tryParse)
                        .flatMap(Optional::stream)
                        .anyMatch(range::test);
                hits.add(hit(advisory, affected, "dependency", dependency + "@" + declaredRange, fixable));
            }
        }
        return hits;
    }

    private static boolean named(OsvAdvisory.Affected affected, Collection<String> names) {
        return names.stream()
                .anyMatch(name ->
                        name.toLowerCase(Locale.ROOT).equals(affected.name().toLowerCase(Locale.ROOT)));
    }

    static boolean affects(OsvAdvisory.Affected affected, Version version) {
        for (String listed : affected.versions()) {
            Optional<Version> parsed = Version.tryParse(listed);
            if (parsed.isPresent() ? parsed.get().samePrecedence(version) : listed.equals(version.toString())) {
                return true;
            }
        }
        return spans(affected).stream().anyMatch(span -> span.contains(version));
    }

    private static boolean admitsAffected(OsvAdvisory.Affected affected, Range range) {
        boolean listed = affected.versions().stream()
                .map(Version::tryParse)
                .flatMap(Optional::stream)
                .anyMatch(range::test);
        if (listed) {
            return true;
        }
        List<Interval> admitted = Intervals.of(range);
        return spans(affected).stream()
                .anyMatch(span ->
                        admitted.stream().anyMatch(a -> a.intersect(span).isPresent()));
    }

    private static List<Interval> spans(OsvAdvisory.Affected affected) {
        List<Interval> spans = new ArrayList<>();
        for (OsvAdvisory.OsvRange range : affected.ranges()) {
            if (!range.type().equals("GIT")) {
                Intervals.of(range).ifPresent(spans::addAll);
            }
        }
        return spans;
    }

    private static List<String> fixedVersions(OsvAdvisory.Affected affected) {
        return affected.ranges().stream()
                .filter(r -> !r.type().equals("GIT"))
                .flatMap(r -> r.events().stream())
                .filter(e -> e.kind().equals("fixed"))
                .map(OsvAdvisory.Event::version)
                .distinct()
                .toList();
    }

    private static AdvisoryHit hit(
            OsvAdvisory advisory,
            OsvAdvisory.Affected affected,
            String via,
            String subject,
            @Nullable Boolean fixable) {
        return new AdvisoryHit(
                advisory.id(),
                advisory.summary(),
                advisory.severity(),
                affected.name(),
                affected.ecosystem(),
                via,
                subject,
                fixedVersions(affected),
                fixable);
    }
}
