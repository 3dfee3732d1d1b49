package dev.mcpver.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The single place where exceptions become problems. Features register their domain exceptions at start
 * ({@link RouteGroup#registerErrors}); everything not registered and not a known client mistake is a 500 whose
 * detail points to the server log by request id. Thread-safe after start (registration happens before serving).
 */
public final class ErrorMapper {
    private record Mapping<E extends Exception>(Class<E> type, Function<? super E, Problem> toProblem) {
        @Nullable
        Problem tryMap(Exception e) {
            return type.isInstance(e) ? toProblem.apply(type.cast(e)) : null;
        }
    }

    private final List<Mapping<?>> mappings = new ArrayList<>();

    public <E extends Exception> ErrorMapper register(Class<E> type, Function<? super E, Problem> toProblem) {
        mappings.add(new Mapping<>(type, toProblem));
        return this;
    }

    /** The problem for an exception, or empty when it is an unexpected fault (answered as 500). */
    public java.util.Optional<Problem> map(Exception e) {
        if (e instanceof ProblemException problem) {
            return java.util.Optional.of(problem.problem());
        }
        for (Mapping<?> mapping : mappings) {
            Problem problem = mapping.tryMap(e);
            if (problem != null) {
                return java.util.Optional.of(problem);
            }
        }
        return java.util.Optional.ofNullable(builtIn(e));
    }

    private static @Nullable Problem builtIn(Exception e) {
        if (e instanceof ValidationException validation) {
            return Problem.badRequest("invalid-parameter", "Invalid request parameter", describe(validation));
        }
        if (e instanceof HttpResponseException response) {
            Problem problem = fromStatus(response.getStatus(), response.getMessage());
            // e.g. 405 carries {"availableMethods": "[GET]"}: useful to the caller, so keep it as members.
            for (var detail : response.getDetails().entrySet()) {
                problem = problem.with(detail.getKey(), detail.getValue());
            }
            return problem;
        }
        JsonProcessingException json = findCause(e, JsonProcessingException.class);
        if (json != null) {
            return Problem.badRequest("invalid-json", "Invalid JSON body", describe(json));
        }
        return null;
    }

    static Problem fromStatus(int status, @Nullable String message) {
        HttpStatus known = HttpStatus.forStatus(status);
        String title = known == HttpStatus.UNKNOWN ? "HTTP " + status : known.getMessage();
        String detail = message == null || message.isBlank() ? title : message;
        int bounded = status >= 400 && status <= 599 ? status : 500;
        return Problem.ofStatus(bounded, title, detail);
    }

    private static String describe(ValidationException validation) {
        return validation.getErrors().entrySet().stream()
                .map(entry -> entry.getKey() + ": "
                        + entry.getValue().stream()
                                .map(error -> error.getMessage()
                                        + (error.value == null ? "" : " (got \"" + error.value + "\")"))
                                .collect(Collectors.joining("; ")))
                .collect(Collectors.joining("; "));
    }

    /** A message that names the JSON location, without Jackson's internal class names. */
    static String describe(JsonProcessingException json) {
        if (json instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return at(instantiation) + String.valueOf(instantiation.getCause().getMessage());
        }
        String message = json.getOriginalMessage();
        int classHint = message.indexOf(" (class ");
        String cleaned = classHint > 0 ? message.substring(0, classHint) : message;
        return at(json) + cleaned.replaceAll("`[a-zA-Z0-9_.$]+\\.([A-Za-z0-9_$]+)`", "$1");
    }

    private static String at(JsonProcessingException json) {
        if (json instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "at " + pointer(mapping.getPath()) + ": ";
        }
        if (json.getLocation() != null && json.getLocation().getLineNr() > 0) {
            return "at line " + json.getLocation().getLineNr() + ", column "
                    + json.getLocation().getColumnNr() + ": ";
        }
        return "";
    }

    private static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            pointer.append('/');
            pointer.append(
                    reference.getFieldName() != null
                            ? reference.getFieldName().replace("~", "~0").replace("/", "~1")
                            : String.valueOf(reference.getIndex()));
        }
        return pointer.toString();
    }

    private static <T extends Throwable> @Nullable T findCause(Throwable error, Class<T> type) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }
}
