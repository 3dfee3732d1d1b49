package dev.mcpver.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.mcpver.abtest.InvalidExperimentException;
import dev.mcpver.abtest.ObservationBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * Streams {@code {"observations":[{"variant","metric","value"}, …]}} straight into an {@link ObservationBatch}:
 * no tree and no object per observation, so a batch of thousands parses in about a millisecond. Unknown fields are
 * skipped; every complaint names its JSON pointer ({@code /observations/17/value}).
 */
final class ObservationReader {
    private ObservationReader() {}

    static ObservationBatch read(JsonFactory factory, byte[] body, ObservationBatch.Builder builder) {
        try (JsonParser parser = factory.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidExperimentException("", "the body must be a JSON object with an observations array");
            }
            boolean seen = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("observations".equals(field)) {
                    readArray(parser, value, builder);
                    seen = true;
                } else {
                    parser.skipChildren();
                }
            }
            if (!seen) {
                throw new InvalidExperimentException("observations", "is required");
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readArray(JsonParser parser, JsonToken start, ObservationBatch.Builder builder)
            throws IOException {
        if (start != JsonToken.START_ARRAY) {
            throw new InvalidExperimentException("observations", "must be an array");
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            readObservation(parser, builder);
        }
    }

    private static void readObservation(JsonParser parser, ObservationBatch.Builder builder) throws IOException {
        String at = "observations/" + builder.size();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new InvalidExperimentException(at, "must be an object with variant, metric and value");
        }
        String variant = null;
        String metric = null;
        Double value = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (field) {
                case "variant" -> variant = text(token, parser, at + "/variant");
                case "metric" -> metric = text(token, parser, at + "/metric");
                case "value" -> value = number(token, parser, at + "/value");
                default -> parser.skipChildren();
            }
        }
        builder.add(
                required(variant, at + "/variant"), required(metric, at + "/metric"), required(value, at + "/value"));
    }

    private static String text(JsonToken token, JsonParser parser, String at) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            throw new InvalidExperimentException(at, "must be a string");
        }
        return parser.getText();
    }

    private static double number(JsonToken token, JsonParser parser, String at) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new InvalidExperimentException(at, "must be a number");
        }
        return parser.getDoubleValue();
    }

    private static <T> T required(@Nullable T value, String at) {
        if (value == null) {
            throw new InvalidExperimentException(at, "is required");
        }
        return value;
    }
}
