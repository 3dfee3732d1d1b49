package dev.mcpver.semver;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** node-semver's {@code SemVer#inc} on a copy of a version, without {@code identifierBase}. */
final class Increment {
    private long major;
    private long minor;
    private long patch;
    private final List<PrereleaseId> pre;

    private Increment(Version from) {
        major = from.major();
        minor = from.minor();
        patch = from.patch();
        pre = new ArrayList<>(from.prerelease());
    }

    static Version apply(Version from, ReleaseType type, @Nullable String preid) {
        String id = preid == null || preid.isEmpty() ? null : preid;
        List<String> ids = type.isPre() && id != null ? validPreid(id) : List.of();
        Increment inc = new Increment(from);
        inc.step(type, ids);
        return inc.result(from, type);
    }

    /** node accepts a preid when {@code "-" + preid} is exactly a strict prerelease. */
    private static List<String> validPreid(String preid) {
        List<String> ids = List.of(preid.split("\\.", -1));
        for (String id : ids) {
            String problem = Identifiers.prereleaseProblem(id, 0, id.length());
            if (problem != null) {
                throw SemverException.invalidPreid(preid, problem);
            }
        }
        return ids;
    }

    private void step(ReleaseType type, List<String> ids) {
        switch (type) {
            case MAJOR -> major();
            case MINOR -> minor();
            case PATCH -> patch();
            default -> {
                moveToPrereleaseBase(type);
                prerelease(ids);
            }
        }
    }

    /** Where the {@code pre*} types start before node's {@code "pre"} step. */
    private void moveToPrereleaseBase(ReleaseType type) {
        if (type == ReleaseType.PRERELEASE) {
            if (pre.isEmpty()) {
                patch(); // on a release, "prerelease" acts like "prepatch"
            }
            return;
        }
        pre.clear();
        if (type == ReleaseType.PREMAJOR) {
            major++;
            minor = 0;
            patch = 0;
        } else if (type == ReleaseType.PREMINOR) {
            minor++;
            patch = 0;
        } else {
            patch();
        }
    }

    /** A pre-major version ({@code 2.0.0-1}) becomes its release; anything else bumps major. */
    private void major() {
        if (minor != 0 || patch != 0 || pre.isEmpty()) {
            major++;
        }
        minor = 0;
        patch = 0;
        pre.clear();
    }

    private void minor() {
        if (patch != 0 || pre.isEmpty()) {
            minor++;
        }
        patch = 0;
        pre.clear();
    }

    private void patch() {
        if (pre.isEmpty()) {
            patch++;
        }
        pre.clear();
    }

    /** node's internal {@code "pre"} step: bump the last number, then apply the preid. */
    private void prerelease(List<String> ids) {
        bumpLastNumber();
        if (!ids.isEmpty() && !(startsWith(ids) && isJsNumberAt(ids.size()))) {
            pre.clear();
            ids.forEach(id -> pre.add(PrereleaseId.fromValidText(id)));
            pre.add(PrereleaseId.ofSafeNumber(0));
        }
    }

    private void bumpLastNumber() {
        for (int i = pre.size() - 1; i >= 0; i--) {
            // Only identifiers node holds as numbers (below 2^53−1) are incremented.
            if (pre.get(i).isSafeNumber()) {
                pre.set(i, PrereleaseId.ofSafeNumber(pre.get(i).safeValue() + 1));
                return;
            }
        }
        pre.add(PrereleaseId.ofSafeNumber(0));
    }

    /** node's {@code isPrereleaseIdentifier}: the prerelease starts with the preid's identifiers. */
    private boolean startsWith(List<String> ids) {
        if (ids.size() > pre.size()) {
            return false;
        }
        for (int i = 0; i < ids.size(); i++) {
            if (pre.get(i).compareTo(PrereleaseId.fromValidText(ids.get(i))) != 0) {
                return false;
            }
        }
        return true;
    }

    /** node keeps the bumped prerelease when the identifier after the preid passes {@code !isNaN(...)}. */
    private boolean isJsNumberAt(int index) {
        return index < pre.size() && Identifiers.isJsNumber(pre.get(index).text());
    }

    private Version result(Version from, ReleaseType type) {
        String canonical = canonical();
        if (major > Identifiers.MAX_SAFE || minor > Identifiers.MAX_SAFE || patch > Identifiers.MAX_SAFE) {
            throw overflow(from, type, canonical, "a component would exceed " + Identifiers.MAX_SAFE);
        }
        if (canonical.length() > VersionParser.MAX_LENGTH) {
            throw overflow(from, type, canonical, "the result would be longer than 256 characters");
        }
        return Version.parse(canonical);
    }

    private String canonical() {
        StringBuilder text = new StringBuilder()
                .append(major)
                .append('.')
                .append(minor)
                .append('.')
                .append(patch);
        for (int i = 0; i < pre.size(); i++) {
            text.append(i == 0 ? '-' : '.').append(pre.get(i).text());
        }
        return text.toString();
    }

    private static SemverException overflow(Version from, ReleaseType type, String result, String why) {
        return new SemverException("cannot apply " + type.wireName() + " to " + JsText.quote(from.toString()) + ": "
                + why + " (" + JsText.quote(result) + ")");
    }
}
