package dev.mcpver.surface;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.mcpver.compat.json.JsonInterner;
import dev.mcpver.compat.json.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parses JSON text straight into the engine's {@link JsonValue} with Jackson's streaming parser: no intermediate
 * tree, numbers exact, containers interned (see {@link JsonInterner}). The fast path for surface files: the CLI reads
 * both releases this way, with one interner. Not thread-safe per call; the static methods are.
 */
public final class JsonValueReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(1000).build())
            .build();

    private final JsonParser parser;
    private final JsonInterner interner;
    /** Scratch space per nesting level, reused across siblings: containers allocate only their final arrays. */
    private final List<Object[]> scratch = new ArrayList<>();

    private JsonValueReader(JsonParser parser, JsonInterner interner) {
        this.parser = parser;
        this.interner = interner;
    }

    /**
     * @throws IOException for malformed JSON (Jackson's message names line and column)
     */
    public static JsonValue read(byte[] json) throws IOException {
        return read(json, new JsonInterner());
    }

    /**
     * Reads with a shared interner: read both releases with the same one and their unchanged parts become
     * identical instances (see {@link JsonInterner}).
     */
    public static JsonValue read(byte[] json, JsonInterner interner) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IOException("no JSON content");
            }
            JsonValue value = new JsonValueReader(parser, interner).value(first, 0);
            if (parser.nextToken() != null) {
                throw new IOException("unexpected content after the JSON value at line "
                        + parser.currentLocation().getLineNr());
            }
            return value;
        }
    }

    private JsonValue value(JsonToken token, int depth) throws IOException {
        switch (token) {
            case START_OBJECT:
                return object(depth);
            case START_ARRAY:
                return array(depth);
            case VALUE_STRING:
                return new JsonValue.JString(parser.getText());
            case VALUE_NUMBER_INT:
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? new JsonValue.JNumber(parser.getDecimalValue())
                        : new JsonValue.JNumber(BigDecimal.valueOf(parser.getLongValue()));
            case VALUE_NUMBER_FLOAT:
                return new JsonValue.JNumber(parser.getDecimalValue());
            case VALUE_TRUE:
                return JsonValue.TRUE;
            case VALUE_FALSE:
                return JsonValue.FALSE;
            case VALUE_NULL:
                return JsonValue.NULL;
            default:
                throw new IOException("unexpected token " + token);
        }
    }

    /** Two scratch arrays (keys, values) for this depth. */
    private Object[][] buffers(int depth) {
        while (scratch.size() <= depth) {
            scratch.add(new Object[][] {new String[8], new JsonValue[8]});
        }
        return (Object[][]) scratch.get(depth);
    }

    private JsonValue object(int depth) throws IOException {
        Object[][] buffers = buffers(depth);
        String[] keys = (String[]) buffers[0];
        JsonValue[] values = (JsonValue[]) buffers[1];
        int size = 0;
        @Nullable Map<String, Integer> positions = null;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonValue value = value(parser.nextToken(), depth + 1);
            // the nested call may have grown this level's buffers: read them again
            keys = (String[]) buffers[0];
            values = (JsonValue[]) buffers[1];
            int duplicate = duplicate(keys, size, name, positions);
            if (duplicate >= 0) {
                values[duplicate] = value; // the last occurrence wins, like Jackson's tree model
                continue;
            }
            if (size == keys.length) {
                buffers[0] = keys = Arrays.copyOf(keys, size * 2);
                buffers[1] = values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = name;
            values[size++] = value;
            if (size == 16) {
                positions = new HashMap<>();
                for (int i = 0; i < size; i++) {
                    positions.put(keys[i], i);
                }
            } else if (positions != null) {
                positions.put(name, size - 1);
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new IOException("unterminated object");
        }
        return interner.intern(JsonValue.JObject.ofArrays(Arrays.copyOf(keys, size), Arrays.copyOf(values, size)));
    }

    private static int duplicate(String[] keys, int size, String name, @Nullable Map<String, Integer> positions) {
        if (positions != null) {
            return positions.getOrDefault(name, -1);
        }
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private JsonValue array(int depth) throws IOException {
        Object[][] buffers = buffers(depth);
        JsonValue[] items = (JsonValue[]) buffers[1];
        int size = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new IOException("unterminated array");
            }
            JsonValue item = value(token, depth + 1);
            items = (JsonValue[]) buffers[1];
            if (size == items.length) {
                buffers[1] = items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = item;
        }
        return interner.intern(JsonValue.JArray.ofOwned(Arrays.asList(Arrays.copyOf(items, size))));
    }
}
