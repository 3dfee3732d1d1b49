package dev.mcpver.semver;

import java.io.Serial;

/**
 * Thrown when a version, range, release type or prerelease identifier is not valid under node-semver's
 * strict grammar. The message names the offending input and says what is wrong with it, for example
 * {@code invalid version "1.2": expected MAJOR.MINOR.PATCH}.
 */
public final class SemverException extends IllegalArgumentException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Creates an exception whose message is shown to API callers as is. */
    public SemverException(String message) {
        super(message);
    }

    static SemverException invalidVersion(String input, String reason) {
        return new SemverException("invalid version " + JsText.quote(input) + ": " + reason);
    }

    static SemverException invalidRange(String input, String reason) {
        return new SemverException("invalid range " + JsText.quote(input) + ": " + reason);
    }

    static SemverException invalidPreid(String preid, String reason) {
        return new SemverException("invalid preid " + JsText.quote(preid) + ": " + reason);
    }
}
