package dev.mcpver.compat.json;

/** RFC 6901 JSON Pointer helpers. */
public final class JsonPointer {
    private JsonPointer() {}

    /** {@code base} followed by one reference token, escaped ({@code ~} → {@code ~0}, {@code /} → {@code ~1}). */
    public static String append(String base, String token) {
        return base + "/" + escape(token);
    }

    public static String append(String base, int index) {
        return base + "/" + index;
    }

    public static String escape(String token) {
        if (token.indexOf('~') < 0 && token.indexOf('/') < 0) {
            return token;
        }
        return token.replace("~", "~0").replace("/", "~1");
    }

    public static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }
}
