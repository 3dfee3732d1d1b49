package dev.mcpver.http;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 9457 problem detail. {@code type}, {@code title}, {@code status} and {@code detail} are always present;
 * {@code extensions} become top-level members (e.g. {@code requestId}, {@code allowedNextStates}, a gate report).
 *
 * @param type a URI identifying the problem kind ({@code about:blank} when the status says it all)
 * @param title short, stable summary of the kind
 * @param status HTTP status code
 * @param detail what went wrong in this occurrence, written for the person who has to fix the request
 * @param instance the request path the problem occurred on
 */
@JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        @Nullable String instance,
        @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:mcpver:problem:";

    public Problem {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem carries a 4xx or 5xx status, not " + status);
        }
        extensions = Map.copyOf(extensions);
    }

    /** A problem of a named kind: {@code type} becomes {@code urn:mcpver:problem:<slug>}. */
    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_PREFIX + slug, title, status, detail, null, Map.of());
    }

    /** A problem that the status code describes fully ({@code type = about:blank}). */
    public static Problem ofStatus(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, Map.of());
    }

    public static Problem badRequest(String slug, String title, String detail) {
        return of(400, slug, title, detail);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, extensions);
    }

    public Problem with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(key, value);
        return new Problem(type, title, status, detail, instance, more);
    }

    @JsonAnyGetter
    public Map<String, Object> members() {
        return extensions;
    }

    /** Throwable form, for handlers that answer with a problem from deep inside a call. */
    public ProblemException toException() {
        return new ProblemException(this);
    }
}
