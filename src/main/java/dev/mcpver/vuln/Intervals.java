package dev.mcpver.vuln;

import dev.mcpver.semver.Range;
import dev.mcpver.semver.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Turns OSV range events and npm ranges into {@link Interval}s, so they can be intersected. */
final class Intervals {
    private Intervals() {}

    /**
     * The affected spans of an OSV range: each {@code introduced} opens one, the next {@code fixed} (exclusive) or
     * {@code last_affected} (inclusive) closes it, and {@code limit} events cap them all. Empty when a version
     * cannot be read as SemVer (such ranges are not evaluated).
     */
    static Optional<List<Interval>> of(OsvAdvisory.OsvRange range) {
        List<Parsed> events = new ArrayList<>();
        for (OsvAdvisory.Event event : range.events()) {
            Optional<Version> version =
                    event.version().equals("0") ? Optional.of(Interval.MIN) : Version.tryParse(event.version());
            if (version.isEmpty()) {
                return Optional.empty();
            }
            events.add(new Parsed(event.kind(), version.get()));
        }
        events.sort(Comparator.comparing(Parsed::version)
                .thenComparing(p -> p.kind().equals("introduced") ? 0 : 1));
        return Optional.of(walk(events));
    }

    private record Parsed(String kind, Version version) {}

    private static List<Interval> walk(List<Parsed> events) {
        List<Interval> spans = new ArrayList<>();
        Version start = null;
        List<Version> limits = new ArrayList<>();
        for (Parsed event : events) {
            switch (event.kind()) {
                case "introduced" -> start = start == null ? event.version() : start;
                case "fixed", "last_affected" -> {
                    if (start != null) {
                        spans.add(new Interval(
                                start, true, event.version(), event.kind().equals("last_affected")));
                        start = null;
                    }
                }
                default -> limits.add(event.version());
            }
        }
        if (start != null) {
            spans.add(new Interval(start, true, null, false));
        }
        return limits.stream()
                .reduce((a, b) -> a.compareTo(b) <= 0 ? a : b)
                .map(limit -> spans.stream()
                        .map(s -> s.below(limit))
                        .filter(s -> !s.isEmpty())
                        .toList())
                .orElse(spans);
    }

    /**
     * The spans of an npm range, one per comparator set, read from the engine's normalised form ({@code >=1.2.3
     * <2.0.0-0 || 3.0.0}). The prerelease rule is not modelled, so a span may admit prereleases the range would
     * refuse — the matcher errs on the side of reporting.
     */
    static List<Interval> of(Range range) {
        List<Interval> spans = new ArrayList<>();
        for (String set : range.normalized().split("\\|\\|")) {
            Interval span = Interval.all();
            for (String comparator : set.strip().split("\\s+")) {
                span = span.intersect(comparator(comparator)).orElse(null);
                if (span == null) {
                    break;
                }
            }
            if (span != null) {
                spans.add(span);
            }
        }
        return spans;
    }

    private static Interval comparator(String text) {
        if (text.isEmpty() || text.equals("*")) {
            return Interval.all();
        }
        if (text.startsWith(">=")) {
            return new Interval(Version.parse(text.substring(2)), true, null, false);
        }
        if (text.startsWith("<=")) {
            return new Interval(Interval.MIN, true, Version.parse(text.substring(2)), true);
        }
        if (text.startsWith(">")) {
            return new Interval(Version.parse(text.substring(1)), false, null, false);
        }
        if (text.startsWith("<")) {
            return new Interval(Interval.MIN, true, Version.parse(text.substring(1)), false);
        }
        Version exact = Version.parse(text.startsWith("=") ? text.substring(1) : text);
        return new Interval(exact, true, exact, true);
    }
}
