package dev.mcpver.semver;

import java.util.Optional;

/** node-semver's {@code diff}: the kind of change from the lower to the higher of two versions. */
final class VersionDiff {
    private VersionDiff() {}

    static Optional<ReleaseType> between(Version a, Version b) {
        int comparison = a.compareTo(b);
        if (comparison == 0) {
            return Optional.empty();
        }
        Version high = comparison > 0 ? a : b;
        Version low = comparison > 0 ? b : a;
        if (low.isPrerelease() && !high.isPrerelease()) {
            return Optional.of(prereleaseToRelease(low, high));
        }
        return Optional.of(byFirstDifference(a, b, high.isPrerelease()));
    }

    /**
     * Since node-semver 7.7.0, leaving a prerelease names the release the prerelease led up to:
     * {@code 1.0.0-1 → 1.0.0} is a major change, {@code 0.1.0-1 → 0.1.0} minor, {@code 1.2.3-1 → 1.2.3}
     * patch. When the main parts differ, the ordinary rule applies.
     */
    private static ReleaseType prereleaseToRelease(Version low, Version high) {
        if (low.minor() == 0 && low.patch() == 0) {
            return ReleaseType.MAJOR;
        }
        if (low.compareMain(high) == 0) {
            return low.minor() != 0 && low.patch() == 0 ? ReleaseType.MINOR : ReleaseType.PATCH;
        }
        return byFirstDifference(low, high, false);
    }

    private static ReleaseType byFirstDifference(Version a, Version b, boolean toPrerelease) {
        if (a.major() != b.major()) {
            return toPrerelease ? ReleaseType.PREMAJOR : ReleaseType.MAJOR;
        }
        if (a.minor() != b.minor()) {
            return toPrerelease ? ReleaseType.PREMINOR : ReleaseType.MINOR;
        }
        if (a.patch() != b.patch()) {
            return toPrerelease ? ReleaseType.PREPATCH : ReleaseType.PATCH;
        }
        return ReleaseType.PRERELEASE;
    }
}
