package dev.mcpver.semver;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Loads node-semver's test fixtures ({@code conformance/semver/*.json}, ISC, see the README there) and
 * decides for every row whether it applies to this API: strict mode, {@code includePrerelease=false}, no
 * {@code identifierBase}, no {@code release} type. Rows that do not apply carry the reason they are skipped.
 */
final class NodeFixtures {
    /**
     * Loose rows that only use features strict mode accepts and give the same answer with loose off (README,
     * "Loose rows that also hold in strict mode"); they run in strict mode.
     */
    private static final Map<String, Set<Integer>> LOOSE_BUT_STRICT = Map.of(
            "comparisons", Set.of(6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17),
            "equality", Set.of(0, 4, 8, 12, 16, 20, 24, 28),
            "invalid-versions", Set.of(5, 6),
            "range-include", Set.of(14, 35),
            "range-exclude", Set.of(27, 68),
            "range-parse", Set.of(121, 122, 125, 127, 130, 131, 132));

    private NodeFixtures() {}

    /**
     * One fixture row.
     *
     * @param skipReason why the row is not run, or null when it is
     */
    record Row(
            String file,
            int index,
            JsonNode values,
            @Nullable String skipReason) {
        String text(int column) {
            return values.get(column).asText();
        }

        boolean isNull(int column) {
            return !values.has(column) || values.get(column).isNull();
        }

        @Override
        public String toString() {
            return file + "[" + index + "] " + values;
        }
    }

    static List<Row> rows(String file) {
        JsonNode rows = load(file).get("rows");
        List<Row> result = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            result.add(new Row(
                    file, i, rows.get(i), skipReason(file, i, rows.get(i)).orElse(null)));
        }
        return result;
    }

    private static Optional<String> skipReason(String file, int index, JsonNode row) {
        if (file.equals("increments")) {
            return incrementSkipReason(row);
        }
        if (file.equals("range-exclude") && !row.get(1).isTextual()) {
            return Optional.of("non-string version input");
        }
        if (file.equals("valid-versions")) {
            return Optional.empty(); // no options column: every row uses the defaults
        }
        JsonNode options = row.has(2) ? row.get(2) : null;
        boolean loose = file.equals("equality") ? truthy(options) : isLoose(options);
        if (isIncludePrerelease(options)) {
            return Optional.of("includePrerelease option");
        }
        if (loose && !LOOSE_BUT_STRICT.getOrDefault(file, Set.of()).contains(index)) {
            return Optional.of("loose option");
        }
        return Optional.empty();
    }

    /** [version, release, expected, options, identifier, identifierBase]; a string at 3 is the identifier. */
    private static Optional<String> incrementSkipReason(JsonNode row) {
        JsonNode options = row.has(3) && !row.get(3).isTextual() ? row.get(3) : null;
        if (isLoose(options)) {
            return Optional.of("loose option");
        }
        if (row.get(1).asText().equals("release")) {
            return Optional.of("release type \"release\" is not offered by the API");
        }
        JsonNode base = row.get(3) != null && row.get(3).isTextual() ? row.get(4) : row.get(5);
        if (base != null && !(base.isTextual() && base.asText().equals("0"))) {
            return Optional.of("identifierBase " + base + " is not part of the API");
        }
        return Optional.empty();
    }

    /** The identifier argument of an increments row, if any (see the README on rows 90 and 129). */
    static @Nullable String incrementIdentifier(Row row) {
        JsonNode third = row.values().get(3);
        if (third != null && third.isTextual()) {
            return third.asText();
        }
        JsonNode fourth = row.values().get(4);
        return fourth == null || fourth.isNull() ? null : fourth.asText();
    }

    /** node's parseOptions: a truthy non-object means loose; an object is read with JS truthiness. */
    private static boolean isLoose(@Nullable JsonNode options) {
        if (options == null || !truthy(options)) {
            return false;
        }
        return !options.isObject() || truthy(options.get("loose"));
    }

    private static boolean isIncludePrerelease(@Nullable JsonNode options) {
        return options != null && options.isObject() && truthy(options.get("includePrerelease"));
    }

    private static boolean truthy(@Nullable JsonNode v) {
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber()) {
            return v.asDouble() != 0;
        }
        return !v.isTextual() || !v.asText().isEmpty();
    }

    private static JsonNode load(String file) {
        String path = "/conformance/semver/" + file + ".json";
        try (InputStream in = Objects.requireNonNull(NodeFixtures.class.getResourceAsStream(path), path)) {
            return EngineApi.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
