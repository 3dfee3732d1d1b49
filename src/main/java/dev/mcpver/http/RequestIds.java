package dev.mcpver.http;

import com.github.f4b6a3.ulid.UlidCreator;
import io.javalin.http.Context;
import org.jspecify.annotations.Nullable;

/** Correlates a request across logs, problems and traces: the caller's {@code X-Request-Id} if sane, else a ULID. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = "mcpver.requestId";

    private RequestIds() {}

    /** The offered id when it is short and made of safe characters, else a new ULID (also used by the MCP filter). */
    public static String accept(@Nullable String offered) {
        if (offered != null
                && offered.length() <= 128
                && offered.chars().allMatch(RequestIds::safe)
                && !offered.isEmpty()) {
            return offered;
        }
        return UlidCreator.getMonotonicUlid().toString();
    }

    /** The id of the request being handled. */
    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "" : id;
    }

    private static boolean safe(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_'
                || c == '.';
    }
}
