package dev.mcpver.bench.compat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;

/**
 * Two generated releases of a server with {@code tools} tools: realistic schemas (3 to 8 parameters, descriptions,
 * enums, bounds, nested objects and arrays, some unions and $defs, output schemas on half of the tools); the second
 * release changes about one tool in ten (additions, removals, tightened and relaxed constraints, rewordings).
 */
public final class SurfaceGenerator {
    private static final String[] WORDS = {"path", "query", "limit", "offset", "mode", "recursive", "pattern", "owner",
        "repo", "branch", "message", "content", "encoding", "timeout", "format", "tags", "labels", "state", "sort",
        "direction", "since", "until", "page", "perPage", "include", "exclude", "depth", "target", "source", "name"};

    private final ObjectMapper mapper = new ObjectMapper();
    private final Random random;

    public SurfaceGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** {old, new} as JSON text. */
    public String[] pair(int tools) throws Exception {
        ObjectNode before = surface("1.4.0");
        ObjectNode after = surface("1.5.0");
        ArrayNode oldTools = before.putArray("tools");
        ArrayNode newTools = after.putArray("tools");
        for (int i = 0; i < tools; i++) {
            ObjectNode tool = tool("tool_" + i);
            oldTools.add(tool);
            int change = random.nextInt(10);
            if (change == 0 && i % 3 == 0) {
                continue;
            }
            ObjectNode next = tool.deepCopy();
            if (change == 0) {
                mutate(next);
            }
            newTools.add(next);
        }
        for (int i = 0; i < tools / 50; i++) {
            newTools.add(tool("new_tool_" + i));
        }
        return new String[] {mapper.writeValueAsString(before), mapper.writeValueAsString(after)};
    }

    private ObjectNode surface(String version) {
        ObjectNode surface = mapper.createObjectNode();
        surface.putObject("server").put("name", "generated").put("version", version);
        ObjectNode init = surface.putObject("initialize");
        init.put("protocolVersion", "2025-11-25");
        init.putObject("capabilities").putObject("tools").put("listChanged", true);
        init.putObject("serverInfo").put("name", "generated").put("version", version);
        return surface;
    }

    private ObjectNode tool(String name) {
        ObjectNode tool = mapper.createObjectNode().put("name", name).put("title", "Tool " + name)
                .put("description", sentence(12) + ". " + sentence(10) + ".");
        ObjectNode input = tool.putObject("inputSchema").put("type", "object");
        ObjectNode properties = input.putObject("properties");
        ArrayNode required = input.putArray("required");
        int count = 3 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            String property = WORDS[random.nextInt(WORDS.length)] + i;
            properties.set(property, property(2));
            if (random.nextInt(3) == 0) {
                required.add(property);
            }
        }
        if (random.nextBoolean()) {
            input.put("additionalProperties", false);
        }
        if (random.nextBoolean()) {
            ObjectNode output = tool.putObject("outputSchema").put("type", "object");
            ObjectNode props = output.putObject("properties");
            props.set("items", mapper.createObjectNode().put("type", "array").set("items", property(1)));
            props.set("total", mapper.createObjectNode().put("type", "integer").put("minimum", 0));
            output.putArray("required").add("items");
        }
        ObjectNode annotations = tool.putObject("annotations");
        annotations.put("readOnlyHint", random.nextBoolean()).put("openWorldHint", random.nextBoolean());
        return tool;
    }

    private ObjectNode property(int depth) {
        ObjectNode schema = mapper.createObjectNode().put("description", sentence(6));
        switch (depth <= 0 ? random.nextInt(4) : random.nextInt(7)) {
            case 0 -> schema.put("type", "string").put("maxLength", 256);
            case 1 -> schema.put("type", "integer").put("minimum", 1).put("maximum", 100).put("default", 10);
            case 2 -> schema.put("type", "boolean").put("default", false);
            case 3 -> schema.putArray("enum").add("asc").add("desc").add("updated");
            case 4 -> {
                schema.put("type", "array").set("items", property(depth - 1));
                schema.put("minItems", 0);
            }
            case 5 -> {
                schema.put("type", "object");
                ObjectNode nested = schema.putObject("properties");
                nested.set("key", property(depth - 1));
                nested.set("value", property(depth - 1));
                schema.putArray("required").add("key");
            }
            default -> {
                ArrayNode anyOf = schema.putArray("anyOf");
                anyOf.add(mapper.createObjectNode().put("type", "string"));
                anyOf.add(mapper.createObjectNode().put("type", "null"));
            }
        }
        return schema;
    }

    private void mutate(ObjectNode tool) {
        ObjectNode input = (ObjectNode) tool.get("inputSchema");
        ObjectNode properties = (ObjectNode) input.get("properties");
        switch (random.nextInt(5)) {
            case 0 -> properties.set("added", mapper.createObjectNode().put("type", "string"));
            case 1 -> tool.put("description", sentence(14) + ".");
            case 2 -> properties.remove(properties.properties().iterator().next().getKey());
            case 3 -> input.put("additionalProperties", false);
            default -> ((ArrayNode) input.get("required")).add("added_required");
        }
        if (properties.has("added") || random.nextBoolean()) {
            properties.set("limit_extra", mapper.createObjectNode().put("type", "integer").put("maximum", 50));
        }
    }

    private String sentence(int words) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words; i++) {
            out.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return out.toString();
    }
}
