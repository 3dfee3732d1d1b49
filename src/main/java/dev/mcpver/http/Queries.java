package dev.mcpver.http;

import io.javalin.http.Context;
import java.util.Optional;

/** Typed query parameters with 400 problems that name the parameter. */
public final class Queries {
    private Queries() {}

    /** An integer parameter within bounds, or the default when absent. */
    public static int intParam(Context ctx, String name, int defaultValue, int min, int max) {
        return longParam(ctx, name, defaultValue, min, max).intValue();
    }

    /** A long parameter within bounds, or the default when absent. */
    public static Long longParam(Context ctx, String name, long defaultValue, long min, long max) {
        Optional<String> raw = Requests.optionalQuery(ctx, name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(raw.get().strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw Problem.badRequest(
                        "invalid-parameter",
                        "Invalid request parameter",
                        "query parameter '" + name + "' must be an integer between " + min + " and " + max + " (got \""
                                + raw.get() + "\")")
                .toException();
    }

    /** A non-blank string parameter, if present. */
    public static Optional<String> text(Context ctx, String name) {
        return Requests.optionalQuery(ctx, name).map(String::strip).filter(value -> !value.isEmpty());
    }
}
