package dev.mcpver.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Field checks shared by the registry's records; each failure names the field. */
final class Checks {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private Checks() {}

    static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static String text(@Nullable String value, String field, int max) {
        String text = required(value, field).strip();
        if (text.isEmpty() || text.length() > max) {
            throw new IllegalArgumentException(field + ": expected 1-" + max + " characters");
        }
        return text;
    }

    static String optionalText(@Nullable String value, String field, int max) {
        String text = value == null ? "" : value.strip();
        if (text.length() > max) {
            throw new IllegalArgumentException(field + ": at most " + max + " characters");
        }
        return text;
    }

    /** A lower-case slug: categories, tags. */
    static String slug(@Nullable String value, String field) {
        String slug = required(value, field).strip().toLowerCase(Locale.ROOT);
        if (!SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException(
                    field + ": expected a lower-case slug of letters, digits and ._- (got \"" + value + "\")");
        }
        return slug;
    }

    static String sha256(@Nullable String value, String field) {
        String hex = required(value, field).strip().toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(hex).matches()) {
            throw new IllegalArgumentException(field + ": expected 64 hexadecimal characters (SHA-256)");
        }
        return hex;
    }

    /** An absolute http(s) URL. */
    static String httpUrl(@Nullable String value, String field) {
        String text = text(value, field, 2048);
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return text;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException(field + ": expected an absolute http(s) URL");
    }
}
