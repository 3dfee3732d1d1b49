package dev.mcpver.http;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * Reading input in handlers: JSON bodies into records (malformed JSON, wrong types and record validation all end
 * as 400 problems naming the JSON location, via {@link ErrorMapper}) and query parameters with clear errors.
 */
public final class Requests {
    private Requests() {}

    /** The body as a record; an empty body is a client mistake too. */
    public static <T> T body(Context ctx, Class<T> type) {
        String body = ctx.body().strip();
        if (body.isEmpty() || body.equals("null")) {
            // Javalin's Jackson bridge rejects a JSON null with a bare NullPointerException: answer it here.
            throw Problem.badRequest(
                            "invalid-json",
                            "Invalid JSON body",
                            "the request body is " + (body.isEmpty() ? "empty" : "JSON null")
                                    + "; expected a JSON object")
                    .toException();
        }
        return ctx.bodyAsClass(type);
    }

    /** A query parameter that must be present (it may be an empty string). */
    public static String query(Context ctx, String name) {
        return optionalQuery(ctx, name)
                .orElseThrow(() -> Problem.badRequest(
                                "missing-parameter",
                                "Missing query parameter",
                                "query parameter '" + name + "' is required")
                        .toException());
    }

    public static Optional<String> optionalQuery(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name));
    }
}
