package dev.mcpver.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpver.compat.json.JsonValue;
import dev.mcpver.json.Json;
import dev.mcpver.surface.JsonValues;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Test helpers: surfaces and schemas from JSON text. */
public final class Surfaces {
    private static final ObjectMapper MAPPER = Json.create();

    private Surfaces() {}

    public static JsonValue json(String text) {
        try {
            JsonNode node = MAPPER.readTree(text.replace('\'', '"'));
            return JsonValues.fromJackson(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Surface surface(String text) {
        return SurfaceParser.parse(json(text));
    }

    /** A capture with one tool and the given input schema (single quotes allowed for readability). */
    public static Surface withInput(String version, String inputSchema) {
        return surface("{'server':{'name':'s','version':'" + version + "'},'tools':[{'name':'t','inputSchema':"
                + inputSchema + "}]}");
    }

    public static Surface withOutput(String version, String outputSchema) {
        return surface("{'server':{'name':'s','version':'" + version + "'},'tools':[{'name':'t','inputSchema':"
                + "{'type':'object'},'outputSchema':" + outputSchema + "}]}");
    }

    public static CompatReport diff(Surface a, Surface b) {
        return new CompatAnalyzer().analyze(a, b, Policy.DEFAULT);
    }
}
