package dev.mcpver.compat;

import dev.mcpver.compat.json.JsonObjectBuilder;
import dev.mcpver.compat.json.JsonValue;
import dev.mcpver.semver.ReleaseType;
import dev.mcpver.semver.Version;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The declared bump, read from the two package versions: {@code major | minor | patch | none | decrease}, with the
 * 0.x convention (a 0.y bump counts as major, a 0.y.z bump as minor — Cargo, oasdiff). Calendar versions in semver
 * syntax are compared like any semver, with a note that they carry no compatibility intent.
 *
 * @param before old version string (package version, else serverInfo.version)
 * @param after new version string
 * @param scheme {@code semver}, {@code semver-0.x}, {@code calver}, {@code numeric} (leading zeros), {@code
 *     non-semver} or {@code absent}
 * @param component which component moved ({@code major}…{@code decrease}); null when not comparable
 * @param declared the effective bump (0.x convention applied); null when not comparable
 * @param note why the versions were not comparable, or what to keep in mind
 */
public record VersionCheck(
        @Nullable String before,
        @Nullable String after,
        String scheme,
        @Nullable Bump component,
        @Nullable Bump declared,
        @Nullable String note) {

    private static final Pattern NUMERIC = Pattern.compile("\\d+(\\.\\d+){0,2}");

    static VersionCheck of(Surface old, Surface now) {
        String a = version(old);
        String b = version(now);
        if (a == null || b == null) {
            return new VersionCheck(
                    a, b, "absent", null, null, "a package version is missing; the declared bump is unknown");
        }
        Optional<Version> x = parse(a);
        Optional<Version> y = parse(b);
        if (x.isEmpty() || y.isEmpty()) {
            return new VersionCheck(
                    a, b, "non-semver", null, null, "versions are not semver; the declared bump is unknown");
        }
        Bump component = component(x.get(), y.get());
        Bump effective = x.get().major() == 0 ? zeroX(component) : component;
        return new VersionCheck(a, b, scheme(a, b, x.get()), component, effective, note(x.get(), a, b));
    }

    private static @Nullable String version(Surface surface) {
        if (surface.server().version() != null) {
            return surface.server().version();
        }
        JsonValue info = surface.serverInfo().members().get("version");
        return info instanceof JsonValue.JString text ? text.value() : null;
    }

    /** Strict semver, or plain numbers with leading zeros ({@code 2025.06.18}) read numerically. */
    static Optional<Version> parse(String text) {
        Optional<Version> strict = Version.tryParse(text);
        if (strict.isPresent() || !NUMERIC.matcher(text.strip()).matches()) {
            return strict;
        }
        String[] parts = (text.strip() + ".0.0").split("\\.");
        return Version.tryParse(
                Long.parseLong(parts[0]) + "." + Long.parseLong(parts[1]) + "." + Long.parseLong(parts[2]));
    }

    private static Bump component(Version x, Version y) {
        if (y.compareTo(x) < 0) {
            return Bump.DECREASE;
        }
        if (x.major() != y.major()) {
            return Bump.MAJOR;
        }
        if (x.minor() != y.minor()) {
            return Bump.MINOR;
        }
        return x.patch() != y.patch() ? Bump.PATCH : Bump.NONE;
    }

    private static Bump zeroX(Bump component) {
        return switch (component) {
            case MINOR -> Bump.MAJOR;
            case PATCH -> Bump.MINOR;
            default -> component;
        };
    }

    private static String scheme(String a, String b, Version x) {
        if (Version.tryParse(a).isEmpty() || Version.tryParse(b).isEmpty()) {
            return "numeric";
        }
        if (x.major() >= 1990 && x.major() <= 9999) {
            return "calver";
        }
        return x.major() == 0 ? "semver-0.x" : "semver";
    }

    private static @Nullable String note(Version x, String a, String b) {
        if (x.major() >= 1990 && x.major() <= 9999) {
            return "calendar versions (YYYY.M.D): the declared bump reflects the calendar and carries no compatibility intent";
        }
        if (Version.tryParse(a).isEmpty() || Version.tryParse(b).isEmpty()) {
            return "versions with leading zeros are not semver; compared numerically";
        }
        return x.major() == 0 ? "0.x: a 0.y bump counts as major, a 0.y.z bump as minor" : null;
    }

    /** The smallest version after {@code before} that carries {@code required}; null when not computable. */
    @Nullable
    String suggested(Bump required) {
        Optional<Version> x = before == null ? Optional.empty() : parse(before);
        if (x.isEmpty() || required == Bump.NONE || required == Bump.DECREASE) {
            return x.map(Version::toString).orElse(null);
        }
        Version v = x.get();
        ReleaseType type =
                switch (required) {
                    case MAJOR -> v.major() == 0 ? ReleaseType.MINOR : ReleaseType.MAJOR;
                    case MINOR -> v.major() == 0 ? ReleaseType.PATCH : ReleaseType.MINOR;
                    default -> ReleaseType.PATCH;
                };
        return v.inc(type, null).toString();
    }

    JsonValue toJson(Bump required) {
        return JsonObjectBuilder.object()
                .put("old", before)
                .put("new", after)
                .put("scheme", scheme)
                .put("component", component == null ? null : component.wireName())
                .put("suggestedVersion", suggested(required))
                .putIfPresent("note", note)
                .build();
    }
}
