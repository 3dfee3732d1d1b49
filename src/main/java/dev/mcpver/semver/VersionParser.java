package dev.mcpver.semver;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Hand-written parser for node-semver's strict version grammar ({@code FULL} in node's {@code re.js}):
 * {@code v? MAJOR.MINOR.PATCH (-PRERELEASE)? (+BUILD)?} after JavaScript {@code trim()}, with the raw input
 * limited to 256 UTF-16 units and every component to 2^53−1. One instance parses one string.
 */
final class VersionParser {
    static final int MAX_LENGTH = 256;
    private static final String[] PART_NAMES = {"major", "minor", "patch"};

    private final String text;
    private final int end;
    private int pos;
    private @Nullable String problem;

    private VersionParser(String text, int start, int end) {
        this.text = text;
        this.pos = start;
        this.end = end;
    }

    /** Outcome of a parse: a version, or the reason the input is not one. */
    sealed interface Outcome permits Parsed, Rejected {}

    record Parsed(Version version) implements Outcome {}

    record Rejected(String reason) implements Outcome {}

    static Outcome parse(String raw) {
        if (raw.length() > MAX_LENGTH) {
            return new Rejected("longer than " + MAX_LENGTH + " characters");
        }
        int start = JsText.trimStart(raw);
        VersionParser parser = new VersionParser(raw, start, JsText.trimEnd(raw, start));
        Version version = parser.version();
        return version != null ? new Parsed(version) : new Rejected(parser.reason());
    }

    /** Parses or throws with a message naming {@code raw}. */
    static Version parseOrThrow(String raw) {
        Outcome outcome = parse(raw);
        if (outcome instanceof Parsed parsed) {
            return parsed.version();
        }
        throw SemverException.invalidVersion(raw, ((Rejected) outcome).reason());
    }

    private String reason() {
        return problem != null ? problem : "expected MAJOR.MINOR.PATCH";
    }

    private @Nullable Version version() {
        if (!prefix()) {
            return null;
        }
        int canonicalStart = pos;
        long major = number(0);
        long minor = major < 0 || !expect('.') ? -1 : number(1);
        long patch = minor < 0 || !expect('.') ? -1 : number(2);
        if (patch < 0) {
            return null;
        }
        List<PrereleaseId> prerelease = at('-') ? prerelease() : List.of();
        int canonicalEnd = pos;
        List<String> build = problem == null && at('+') ? build() : List.of();
        if (problem == null && pos < end) {
            fail(unexpected());
        }
        if (problem != null) {
            return null;
        }
        return new Version(major, minor, patch, prerelease, build, canonical(canonicalStart, canonicalEnd));
    }

    /** Strict mode allows one lowercase "v"; "=" and "V" need node's loose mode. */
    private boolean prefix() {
        if (at('v')) {
            pos++;
        } else if (at('=') || at('V')) {
            fail("prefix \"" + text.charAt(pos) + "\" is not allowed (only a lowercase \"v\")");
            return false;
        }
        return true;
    }

    /** Strict numbers have no leading zeros, so the canonical form is the input text itself. */
    private String canonical(int from, int to) {
        return from == 0 && to == text.length() ? text : text.substring(from, to);
    }

    private boolean at(char c) {
        return pos < end && text.charAt(pos) == c;
    }

    private boolean expect(char c) {
        if (pos < end && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        fail(pos < end ? unexpected() : "expected MAJOR.MINOR.PATCH");
        return false;
    }

    /** Reads a main component; returns -1 after recording a problem. */
    private long number(int index) {
        String name = PART_NAMES[index];
        int start = pos;
        long value = 0;
        while (pos < end && Identifiers.isDigit(text.charAt(pos))) {
            value = pos - start < Identifiers.MAX_SAFE_DIGITS ? value * 10 + (text.charAt(pos) - '0') : Long.MAX_VALUE;
            pos++;
        }
        if (pos == start) {
            fail(pos < end ? unexpected() : "expected MAJOR.MINOR.PATCH");
            return -1;
        }
        if (text.charAt(start) == '0' && pos - start > 1) {
            fail(name + " must not have leading zeros");
            return -1;
        }
        if (value > Identifiers.MAX_SAFE) {
            fail(name + " " + text.substring(start, pos) + " exceeds " + Identifiers.MAX_SAFE);
            return -1;
        }
        return value;
    }

    private List<PrereleaseId> prerelease() {
        List<PrereleaseId> ids = new ArrayList<>(4);
        do {
            pos++;
            int start = pos;
            pos = identifierEnd(pos);
            String p = Identifiers.prereleaseProblem(text, start, pos);
            if (p != null) {
                fail("invalid prerelease: " + p);
                return List.of();
            }
            ids.add(PrereleaseId.fromValidText(text.substring(start, pos)));
        } while (pos < end && text.charAt(pos) == '.');
        return List.copyOf(ids);
    }

    private List<String> build() {
        List<String> ids = new ArrayList<>(2);
        do {
            pos++;
            int start = pos;
            pos = identifierEnd(pos);
            if (pos == start) {
                fail("invalid build metadata: identifiers must not be empty");
                return List.of();
            }
            ids.add(text.substring(start, pos));
        } while (pos < end && text.charAt(pos) == '.');
        return List.copyOf(ids);
    }

    private int identifierEnd(int from) {
        int i = from;
        while (i < end && Identifiers.isIdentifierChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private String unexpected() {
        return "unexpected character " + JsText.quote(String.valueOf(text.charAt(pos))) + " at index " + pos;
    }

    private @Nullable Version fail(String reason) {
        if (problem == null) {
            problem = reason;
        }
        return null;
    }
}
