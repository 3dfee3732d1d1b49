package dev.mcpver.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user message as the offline planner reads it: normalised text (lower case, single spaces) and the entities found
 * by fixed patterns — ranges first (quoted, operator or x-ranges), then versions outside them, a bump type, a
 * prerelease id and a server name. Pure and deterministic.
 *
 * @param text lower-cased message with collapsed whitespace
 * @param versions SemVer versions in order of appearance (a leading {@code v} kept as written)
 * @param ranges ranges found: quoted ones first, then hyphen, operator and x-ranges
 * @param versionLike tokens that look like versions but may be invalid ({@code 1.2}, {@code 01.2.3})
 */
public record ParsedRequest(
        String text,
        List<String> versions,
        List<String> ranges,
        List<String> versionLike,
        Optional<String> bump,
        Optional<String> preid,
        Optional<String> server) {

    private static final String VERSION = "v?\\d+\\.\\d+\\.\\d+(?:-[0-9a-z.-]*[0-9a-z])?(?:\\+[0-9a-z.-]*[0-9a-z])?";
    private static final Pattern QUOTED_RANGE = Pattern.compile("[\"'`]\\s*((?:[\\^~<>=]|v?\\d+\\.)[^\"'`]*)[\"'`]");
    private static final Pattern OPERATOR_RANGE =
            Pattern.compile("(?:(?:\\^|~>?|>=|<=|>|<|=)\\s*v?\\d+(?:\\.(?:\\d+|[x*]))*(?:-[0-9a-z.-]*[0-9a-z])?\\s*)+");
    private static final Pattern X_RANGE = Pattern.compile("(?<![\\w.])\\d+(?:\\.\\d+)?\\.[x*](?:\\.[x*])?(?![\\w.])");
    private static final Pattern HYPHEN_RANGE = Pattern.compile(VERSION + "\\s+-\\s+" + VERSION);
    private static final Pattern STRICT_VERSION = Pattern.compile("(?<![\\w.^~<>=-])" + VERSION + "(?![\\w.])");
    private static final Pattern LOOSE_VERSION = Pattern.compile(
            "(?<![\\w.^~<>=+-])v?\\d+(?:\\.\\d+)*(?:-[0-9a-z.-]*[0-9a-z])?(?:\\+[0-9a-z.-]*[0-9a-z])?(?![\\w.])");
    private static final Pattern BUMP =
            Pattern.compile("\\b(premajor|preminor|prepatch|prerelease|major|minor|patch)\\b");
    private static final Pattern PREID = Pattern.compile("\\b(?:preid|tag|id)\\s+([a-z][0-9a-z-]*)");
    private static final Pattern BARE_PREID = Pattern.compile("\\b(alpha|beta|rc)\\b");
    private static final Pattern SERVER = Pattern.compile(
            "\\b(?:server|move|upgrade|update|migrate|bump)\\s+(?!from\\b|to\\b|the\\b|our\\b|a\\b|it\\b|v?\\d)"
                    + "([@a-z][\\w@/.-]*)");

    public ParsedRequest {
        versions = List.copyOf(versions);
        ranges = List.copyOf(ranges);
        versionLike = List.copyOf(versionLike);
    }

    public static ParsedRequest parse(String message) {
        String text = message.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        StringBuilder rest = new StringBuilder(text);
        List<String> ranges = new ArrayList<>();
        for (Pattern pattern : List.of(QUOTED_RANGE, HYPHEN_RANGE, OPERATOR_RANGE, X_RANGE)) {
            extract(pattern, rest, ranges);
        }
        String remaining = rest.toString();
        return new ParsedRequest(
                text,
                all(STRICT_VERSION, remaining),
                ranges,
                all(LOOSE_VERSION, remaining),
                first(BUMP, text),
                first(PREID, text)
                        .or(() -> first(
                                BARE_PREID, STRICT_VERSION.matcher(remaining).replaceAll(" "))),
                first(SERVER, text));
    }

    /** True when the text contains any of the words or phrases (matched at word starts). */
    public boolean mentions(String... phrases) {
        for (String phrase : phrases) {
            if (Pattern.compile("(?<![a-z])" + Pattern.quote(phrase))
                    .matcher(text)
                    .find()) {
                return true;
            }
        }
        return false;
    }

    /** Removes each match from {@code rest} (blanked, so positions stay) and records its range text. */
    private static void extract(Pattern pattern, StringBuilder rest, List<String> into) {
        Matcher matcher = pattern.matcher(rest.toString());
        while (matcher.find()) {
            String found = (matcher.groupCount() >= 1 && matcher.group(1) != null ? matcher.group(1) : matcher.group())
                    .strip();
            if (found.isEmpty() || STRICT_VERSION.matcher(found).matches()) {
                continue; // a quoted plain version stays a version
            }
            into.add(found);
            for (int i = matcher.start(); i < matcher.end(); i++) {
                rest.setCharAt(i, ' ');
            }
        }
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) {
                return Optional.of(matcher.group(group));
            }
        }
        return Optional.of(matcher.group());
    }
}
