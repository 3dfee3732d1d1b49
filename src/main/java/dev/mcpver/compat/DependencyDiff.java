package dev.mcpver.compat;

import dev.mcpver.compat.json.JsonValue;
import dev.mcpver.semver.Range;
import dev.mcpver.semver.ReleaseType;
import dev.mcpver.semver.Version;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The dependency manifest: declared ranges, resolved versions, runtime engines (compared with the SemVer engine),
 * undeclared imports, resolution drift, and the registry name. Informational except where operators can be hurt
 * (a narrower engine range, drift under an unchanged version, a changed registry identity).
 */
final class DependencyDiff {
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?");

    private DependencyDiff() {}

    static void compare(Surface before, Surface after, Findings findings) {
        mcpName(before.server().mcpName(), after.server().mcpName(), findings);
        Surface.Dependencies a = before.dependencies();
        Surface.Dependencies b = after.dependencies();
        if (a == null || b == null) {
            return;
        }
        declared(a.declared(), b.declared(), findings);
        resolved(a.resolved(), b.resolved(), findings);
        engines(a.engines(), b.engines(), findings);
        undeclared(a.undeclaredImports(), b.undeclaredImports(), findings);
        drift(before, after, a, b, findings);
    }

    private static void mcpName(@Nullable String a, @Nullable String b, Findings findings) {
        if (Objects.equals(a, b)) {
            return;
        }
        Rule rule = a == null ? Rule.MANIFEST_MCP_NAME_ADDED : Rule.MANIFEST_MCP_NAME_CHANGED;
        findings.addText(
                rule,
                Targets.manifest("mcpName"),
                a,
                b,
                a == null
                        ? "mcpName " + b + " was added (registry ownership metadata)."
                        : "mcpName changed from " + a + " to " + b + ": the registry sees a different server.");
    }

    private static void declared(Map<String, String> a, Map<String, String> b, Findings findings) {
        for (String name : CapabilityDiff.union(a.keySet(), b.keySet())) {
            String x = a.get(name);
            String y = b.get(name);
            String target = Targets.manifest("dependencies/" + name);
            if (x == null) {
                findings.addText(
                        Rule.DEPENDENCY_ADDED, target, null, y, "Dependency " + name + " " + y + " was declared.");
            } else if (y == null) {
                findings.addText(
                        Rule.DEPENDENCY_REMOVED, target, x, null, "Dependency " + name + " is no longer declared.");
            } else if (!normalized(x).equals(normalized(y))) {
                findings.addText(
                        Rule.DEPENDENCY_RANGE_CHANGED,
                        target,
                        x,
                        y,
                        "Dependency " + name + " range changed from " + x + " to " + y + ".");
            }
        }
    }

    private static String normalized(String range) {
        return Range.tryParse(range).map(Range::normalized).orElse(range.strip());
    }

    private static void resolved(Map<String, String> a, Map<String, String> b, Findings findings) {
        for (String name : a.keySet()) {
            Optional<Version> x = Version.tryParse(a.get(name));
            Optional<Version> y = b.containsKey(name) ? Version.tryParse(b.get(name)) : Optional.empty();
            if (x.isPresent() && y.isPresent() && crossesMajor(x.get(), y.get())) {
                findings.addText(
                        Rule.DEPENDENCY_MAJOR_UPGRADED,
                        Targets.manifest("resolved/" + name),
                        a.get(name),
                        b.get(name),
                        "Dependency " + name + " resolves to another major version (" + a.get(name) + " → "
                                + b.get(name) + "); surface effects are reported by the other rules.");
            }
        }
    }

    /** A major move, with 0.x minors counting as majors. */
    private static boolean crossesMajor(Version x, Version y) {
        Optional<ReleaseType> diff = Version.diff(x, y);
        if (diff.isEmpty()) {
            return false;
        }
        boolean major = x.major() != y.major();
        return major || (x.major() == 0 && x.minor() != y.minor());
    }

    private static void engines(Map<String, String> a, Map<String, String> b, Findings findings) {
        for (String runtime : a.keySet()) {
            String x = a.get(runtime);
            String y = b.get(runtime);
            if (y == null || normalized(x).equals(normalized(y))) {
                continue;
            }
            String target = Targets.manifest("engines/" + runtime);
            Optional<Version> witness = excluded(x, y);
            if (witness.isPresent()) {
                findings.addText(
                        Rule.RUNTIME_ENGINE_NARROWED,
                        target,
                        x,
                        y,
                        "Runtime " + runtime + " range " + x + " → " + y + " no longer allows " + witness.get()
                                + "; installs on older runtimes warn or fail.");
            } else {
                findings.addText(
                        Rule.DEPENDENCY_RANGE_CHANGED,
                        target,
                        x,
                        y,
                        "Runtime " + runtime + " range changed from " + x + " to " + y
                                + " without excluding a version.");
            }
        }
    }

    /**
     * A version the old range allows and the new one does not, searched among the boundary versions of both ranges
     * and their neighbours (where two ranges can differ); empty when none is found or a range does not parse.
     */
    static Optional<Version> excluded(String before, String after) {
        Optional<Range> x = Range.tryParse(before);
        Optional<Range> y = Range.tryParse(after);
        if (x.isEmpty() || y.isEmpty()) {
            return Optional.empty();
        }
        for (Version candidate : candidates(x.get().normalized() + " " + y.get().normalized())) {
            if (x.get().test(candidate) && !y.get().test(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static List<Version> candidates(String ranges) {
        Set<Version> versions = new LinkedHashSet<>();
        Matcher matcher = VERSION.matcher(ranges);
        while (matcher.find()) {
            Version.tryParse(matcher.group()).ifPresent(v -> neighbours(v, versions));
        }
        for (int major = 0; major <= 40; major++) {
            versions.add(Version.parse(major + ".0.0"));
        }
        List<Version> sorted = new ArrayList<>(versions);
        sorted.sort(Version::compareTo);
        return sorted;
    }

    private static void neighbours(Version v, Set<Version> out) {
        out.add(v);
        out.add(v.inc(ReleaseType.PATCH, null));
        out.add(v.inc(ReleaseType.MINOR, null));
        out.add(v.inc(ReleaseType.MAJOR, null));
        if (v.patch() > 0) {
            out.add(Version.parse(v.major() + "." + v.minor() + "." + (v.patch() - 1)));
        }
        if (v.minor() > 0) {
            out.add(Version.parse(v.major() + "." + (v.minor() - 1) + ".999999"));
        }
        if (v.major() > 0) {
            out.add(Version.parse((v.major() - 1) + ".999999.999999"));
        }
    }

    private static void undeclared(Map<String, String> a, Map<String, String> b, Findings findings) {
        for (Map.Entry<String, String> entry : b.entrySet()) {
            String target = Targets.manifest("undeclaredImports/" + entry.getKey());
            String old = a.get(entry.getKey());
            if (old == null) {
                findings.addText(
                        Rule.DEPENDENCY_UNDECLARED_IMPORT_ADDED,
                        target,
                        null,
                        entry.getValue(),
                        "Shipped code imports " + entry.getKey() + " without declaring it (resolves to "
                                + entry.getValue() + "); the surface can drift.");
            } else if (!old.equals(entry.getValue())) {
                findings.addText(
                        Rule.DEPENDENCY_UNDECLARED_IMPORT_RESOLUTION_CHANGED,
                        target,
                        old,
                        entry.getValue(),
                        "Undeclared import " + entry.getKey() + " now resolves to " + entry.getValue() + " (was " + old
                                + ").");
            }
        }
    }

    private static void drift(
            Surface before, Surface after, Surface.Dependencies a, Surface.Dependencies b, Findings findings) {
        String version = before.server().version();
        if (version == null
                || !version.equals(after.server().version())
                || a.resolved().isEmpty()
                || a.resolved().equals(b.resolved())) {
            return;
        }
        findings.add(
                Rule.DEPENDENCY_RESOLUTION_DRIFT,
                Targets.manifest("resolved"),
                map(a.resolved()),
                map(b.resolved()),
                "Version " + version
                        + " resolves to different dependencies than before; declare and pin them at the publisher.");
    }

    private static JsonValue map(Map<String, String> map) {
        dev.mcpver.compat.json.JsonObjectBuilder out = dev.mcpver.compat.json.JsonObjectBuilder.object();
        map.forEach(out::put);
        return out.build();
    }
}
