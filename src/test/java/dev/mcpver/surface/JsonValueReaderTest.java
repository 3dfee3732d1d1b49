package dev.mcpver.surface;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpver.compat.json.JsonInterner;
import dev.mcpver.compat.json.JsonValue;
import dev.mcpver.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class JsonValueReaderTest {
    private static JsonValue read(String json) throws IOException {
        return JsonValueReader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void should_keep_numbers_exact_and_equal_by_value() throws IOException {
        JsonValue value = read("{\"a\":1.0,\"b\":100,\"c\":1e2,\"d\":123456789012345678901234567890,\"e\":0.1}");
        JsonValue.JObject object = (JsonValue.JObject) value;

        assertThat(object.members().get("a")).isEqualTo(JsonValue.of(1));
        assertThat(object.members().get("b")).isEqualTo(object.members().get("c"));
        assertThat(((JsonValue.JNumber) object.members().get("d")).value())
                .isEqualTo(new BigDecimal("123456789012345678901234567890"));
        assertThat(((JsonValue.JNumber) object.members().get("e")).value()).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void should_let_the_last_duplicate_member_win_like_jackson() throws IOException {
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 40; i++) {
            many.append("\"k").append(i).append("\":").append(i).append(',');
        }
        many.append("\"k3\":99}");

        assertThat(((JsonValue.JObject) read("{\"a\":1,\"a\":2}")).members())
                .containsExactly(java.util.Map.entry("a", JsonValue.of(2)));
        assertThat(((JsonValue.JObject) read(many.toString())).members().get("k3"))
                .isEqualTo(JsonValue.of(99));
    }

    @Test
    void should_share_equal_subtrees_across_documents_read_with_one_interner() throws IOException {
        JsonInterner interner = new JsonInterner();
        JsonValue a = JsonValueReader.read(
                "{\"tools\":[{\"name\":\"t\",\"inputSchema\":{\"type\":\"object\"}}]}".getBytes(StandardCharsets.UTF_8),
                interner);
        JsonValue b = JsonValueReader.read(
                "{\"tools\":[{\"name\":\"t\",\"inputSchema\":{\"type\":\"object\"}}],\"x\":1}"
                        .getBytes(StandardCharsets.UTF_8),
                interner);

        JsonValue toolA = ((JsonValue.JObject) a).members().get("tools");
        JsonValue toolB = ((JsonValue.JObject) b).members().get("tools");
        assertThat(toolA).isSameAs(toolB);
    }

    @Test
    void should_reject_malformed_json_with_a_location() {
        assertThatThrownBy(() -> read("{\"a\":")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read("{} {}")).hasMessageContaining("unexpected content");
        assertThatThrownBy(() -> read("")).hasMessageContaining("no JSON content");
    }

    @Property(tries = 200)
    void should_read_what_jackson_reads(@ForAll long seed) throws IOException {
        dev.mcpver.compat.json.JsonValue generated =
                new java.util.Random(seed).nextBoolean() ? JsonValue.of("x") : JsonValue.of(seed);
        JsonValue tree =
                JsonValues.fromJackson(Json.create().readTree(dev.mcpver.compat.json.JsonWriter.compact(generated)));

        assertThat(JsonValueReader.read(
                        dev.mcpver.compat.json.JsonWriter.compact(tree).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(tree);
    }
}
