package dev.mcpver.rollback;

import java.util.regex.Pattern;

/** Validation of the names that become directory names under {@code MCPVER_HOME}: nothing can escape it. */
public final class Names {
    private static final Pattern SERVER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern ENVIRONMENT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_-]{0,127}");
    private static final Pattern RELEASE_DIR = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_~-]{0,191}");
    private static final Pattern ENV_VAR = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private Names() {}

    public static String server(String value) {
        return check("server", value, SERVER, "letters, digits, '.', '_' or '-', starting with a letter or digit");
    }

    public static String environment(String value) {
        return check("environment", value, ENVIRONMENT, "lower-case letters, digits, '_' or '-' (at most 32)");
    }

    /** A release version; {@code ~} is reserved for restored copies ({@code 1.2.0~restore-…}). */
    public static String version(String value) {
        String checked = check("version", value, VERSION, "letters, digits, '.', '+', '_' or '-'");
        if (checked.contains("..")) {
            throw new IllegalArgumentException("version must not contain '..': " + value);
        }
        return checked;
    }

    /** A directory name under {@code releases/}: a version, optionally with a {@code ~suffix}. */
    public static String releaseDir(String value) {
        String checked = check("release directory", value, RELEASE_DIR, "a version, optionally followed by ~suffix");
        if (checked.contains("..")) {
            throw new IllegalArgumentException("release directory must not contain '..': " + value);
        }
        return checked;
    }

    public static String envVar(String value) {
        return check("environment variable", value, ENV_VAR, "letters, digits and '_', not starting with a digit");
    }

    public static String sha256(String value) {
        return check("sha256", value, SHA256, "64 lower-case hex digits");
    }

    public static boolean isSha256(String value) {
        return SHA256.matcher(value).matches();
    }

    private static String check(String what, String value, Pattern pattern, String expected) {
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + printable(value) + "' is invalid: expected " + expected);
        }
        return value;
    }

    private static String printable(String value) {
        String cut = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
