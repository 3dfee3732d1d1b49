package dev.mcpver.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.compat.json.JsonValue;
import dev.mcpver.compat.json.JsonWriter;
import dev.mcpver.compat.schema.Canonicalizer;
import dev.mcpver.compat.schema.Inclusion;
import dev.mcpver.compat.schema.SchemaNode;
import dev.mcpver.compat.schema.Validator;
import dev.mcpver.compat.schema.Verdict;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Laws of the analyzer over random schemas and random mutations (seeded; a failing seed replays). */
class AnalyzerPropertiesTest {
    private static final int VALUES = 150;

    private static Surface surface(String version, JsonValue input, JsonValue output) {
        Map<String, JsonValue> tool = new java.util.LinkedHashMap<>();
        tool.put("name", JsonValue.of("t"));
        tool.put("inputSchema", input);
        tool.put("outputSchema", output);
        return SurfaceParser.parse(new JsonValue.JObject(Map.of(
                "server", new JsonValue.JObject(Map.of("name", JsonValue.of("s"), "version", JsonValue.of(version))),
                "tools", new JsonValue.JArray(List.of(new JsonValue.JObject(tool))))));
    }

    @Property(tries = 400)
    void should_report_nothing_when_a_surface_is_compared_with_itself(@ForAll long seed) {
        RandomSchemas random = new RandomSchemas(seed);
        Surface surface = surface("1.0.0", random.inputSchema(), random.inputSchema());

        CompatReport report = new CompatAnalyzer().analyze(surface, surface, Policy.DEFAULT);

        assertThat(report.changes()).isEmpty();
        assertThat(report.requiredBump()).isEqualTo(Bump.NONE);
    }

    @Property(tries = 400)
    void should_never_crash_and_always_give_the_same_bytes_when_schemas_are_mutated(@ForAll long seed) {
        RandomSchemas random = new RandomSchemas(seed);
        JsonValue input = random.inputSchema();
        JsonValue output = random.inputSchema();
        Surface before = surface("1.0.0", input, output);
        Surface after = surface("1.1.0", random.mutate(random.mutate(input)), random.mutate(output));

        String first = JsonWriter.pretty(
                new CompatAnalyzer().analyze(before, after, Policy.DEFAULT).toJson());
        String second = JsonWriter.pretty(
                new CompatAnalyzer().analyze(before, after, Policy.DEFAULT).toJson());

        assertThat(first).isEqualTo(second);
    }

    /**
     * Recall on breaking changes, checked by witnesses: when some value is valid under the old input schema and
     * invalid under the new one, the analyzer must report a breaking or potentially breaking input change.
     */
    @Property(tries = 800)
    void should_flag_an_input_change_when_a_witness_value_is_rejected_by_the_new_schema(@ForAll long seed) {
        RandomSchemas random = new RandomSchemas(seed);
        JsonValue old = random.inputSchema();
        JsonValue mutated = random.mutate(random.mutate(random.mutate(old)));
        SchemaNode a = Canonicalizer.canonicalize(old).root();
        SchemaNode b = Canonicalizer.canonicalize(mutated).root();
        JsonValue witness = witness(random, a, b);
        if (witness == null) {
            return;
        }
        CompatReport report = new CompatAnalyzer()
                .analyze(
                        surface("1.0.0", old, JsonValue.TRUE),
                        surface("1.1.0", mutated, JsonValue.TRUE),
                        Policy.DEFAULT);

        assertThat(report.changes())
                .as(
                        "old %s%nnew %s%nwitness %s",
                        JsonWriter.compact(old), JsonWriter.compact(mutated), JsonWriter.compact(witness))
                .anyMatch(c -> c.target().startsWith("tools/t#input") && c.level() != Level.NON_BREAKING);
    }

    /** The covariant twin: a value the new output schema allows and the old one rejects must be flagged. */
    @Property(tries = 800)
    void should_flag_an_output_change_when_a_witness_value_escapes_the_old_schema(@ForAll long seed) {
        RandomSchemas random = new RandomSchemas(seed);
        JsonValue old = random.inputSchema();
        JsonValue mutated = random.mutate(random.mutate(random.mutate(old)));
        SchemaNode a = Canonicalizer.canonicalize(old).root();
        SchemaNode b = Canonicalizer.canonicalize(mutated).root();
        JsonValue witness = witness(random, b, a);
        if (witness == null) {
            return;
        }
        Map<String, JsonValue> objectInput = Map.of("type", JsonValue.of("object"));
        CompatReport report = new CompatAnalyzer()
                .analyze(
                        surface("1.0.0", new JsonValue.JObject(objectInput), old),
                        surface("1.1.0", new JsonValue.JObject(objectInput), mutated),
                        Policy.DEFAULT);

        assertThat(report.changes())
                .as(
                        "old %s%nnew %s%nwitness %s",
                        JsonWriter.compact(old), JsonWriter.compact(mutated), JsonWriter.compact(witness))
                .anyMatch(c -> c.target().startsWith("tools/t#output") && c.level() != Level.NON_BREAKING);
    }

    /** Inclusion never answers YES when a counterexample exists. */
    @Property(tries = 800)
    void should_never_prove_inclusion_when_a_counterexample_exists(@ForAll long seed) {
        RandomSchemas random = new RandomSchemas(seed);
        JsonValue x = random.schema(3);
        JsonValue y = random.random().nextBoolean() ? random.mutate(x) : random.schema(3);
        SchemaNode a = Canonicalizer.canonicalize(x).root();
        SchemaNode b = Canonicalizer.canonicalize(y).root();
        JsonValue witness = witness(random, a, b);
        if (witness != null) {
            assertThat(Inclusion.check(a, b))
                    .as(
                            "%s ⊆ %s, witness %s",
                            JsonWriter.compact(x), JsonWriter.compact(y), JsonWriter.compact(witness))
                    .isNotEqualTo(Verdict.YES);
        }
    }

    /** Canonicalisation keeps the meaning: the raw and canonical forms agree on every decided value. */
    @Property(tries = 300)
    void should_accept_the_same_values_before_and_after_canonicalisation(@ForAll long seed) {
        RandomSchemas random = new RandomSchemas(seed);
        JsonValue raw = random.schema(3);
        SchemaNode canonical = Canonicalizer.canonicalize(raw).root();
        SchemaNode reparsed = Canonicalizer.canonicalize(dev.mcpver.compat.schema.SchemaJson.render(canonical))
                .root();
        for (int i = 0; i < VALUES; i++) {
            JsonValue value = random.value(2);
            Verdict x = Validator.accepts(canonical, value);
            Verdict y = Validator.accepts(reparsed, value);
            if (x != Verdict.UNKNOWN && y != Verdict.UNKNOWN) {
                assertThat(y)
                        .as("%s on %s", JsonWriter.compact(raw), JsonWriter.compact(value))
                        .isEqualTo(x);
            }
        }
    }

    /** A value valid under {@code a} (proved) and invalid under {@code b} (proved), if random sampling finds one. */
    private static JsonValue witness(RandomSchemas random, SchemaNode a, SchemaNode b) {
        for (int i = 0; i < VALUES; i++) {
            JsonValue value = random.random().nextBoolean() ? random.value(2) : objectValue(random);
            if (Validator.accepts(a, value) == Verdict.YES && Validator.accepts(b, value) == Verdict.NO) {
                return value;
            }
        }
        return null;
    }

    private static JsonValue objectValue(RandomSchemas random) {
        JsonValue value = random.value(3);
        return value instanceof JsonValue.JObject ? value : random.value(3);
    }
}
