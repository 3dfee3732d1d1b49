package dev.mcpver.abtest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Compares an actual JSON tree with a reference: numbers within 1e-6 absolute or relative (whichever is looser),
 * integers, booleans, strings and nulls exactly, object keys exactly, and arrays of strings named in
 * {@code setValued} as sets (warnings); other arrays element by element.
 */
final class JsonTolerance {
    static final double TOLERANCE = 1e-6;

    private final Set<String> setValued;
    private final List<String> differences = new ArrayList<>();

    private JsonTolerance(Set<String> setValued) {
        this.setValued = setValued;
    }

    /** Every difference as {@code /json/pointer: expected … got …}; empty when the trees agree. */
    static List<String> differences(JsonNode expected, JsonNode actual, Set<String> setValued) {
        JsonTolerance tolerance = new JsonTolerance(setValued);
        tolerance.compare("", "", expected, actual);
        return tolerance.differences;
    }

    static boolean close(double expected, double actual) {
        double gap = Math.abs(expected - actual);
        return gap <= TOLERANCE || gap <= TOLERANCE * Math.max(Math.abs(expected), Math.abs(actual));
    }

    private void compare(String path, String field, JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            compareNumbers(path, expected, actual);
        } else if (expected.isObject() && actual.isObject()) {
            compareObjects(path, expected, actual);
        } else if (expected.isArray() && actual.isArray()) {
            compareArrays(path, field, expected, actual);
        } else if (!expected.equals(actual)) {
            differ(path, expected, actual);
        }
    }

    private void compareNumbers(String path, JsonNode expected, JsonNode actual) {
        if (expected.isIntegralNumber() && actual.isIntegralNumber()) {
            if (expected.longValue() != actual.longValue()) {
                differ(path, expected, actual);
            }
        } else if (expected.isIntegralNumber() != actual.isIntegralNumber()
                && (expected.isIntegralNumber() ? !isWhole(actual) : !isWhole(expected))) {
            differ(path, expected, actual);
        } else if (!close(expected.doubleValue(), actual.doubleValue())) {
            differ(path, expected, actual);
        }
    }

    private static boolean isWhole(JsonNode number) {
        return number.doubleValue() == Math.rint(number.doubleValue());
    }

    private void compareObjects(String path, JsonNode expected, JsonNode actual) {
        Set<String> keys = new HashSet<>();
        expected.fieldNames().forEachRemaining(keys::add);
        Set<String> actualKeys = new HashSet<>();
        actual.fieldNames().forEachRemaining(actualKeys::add);
        if (!keys.equals(actualKeys)) {
            differences.add(path + ": keys " + sorted(keys) + " expected, got " + sorted(actualKeys));
        }
        for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (actual.has(key)) {
                compare(path + "/" + key, key, expected.get(key), actual.get(key));
            }
        }
    }

    private void compareArrays(String path, String field, JsonNode expected, JsonNode actual) {
        if (setValued.contains(field)) {
            Set<JsonNode> e = new HashSet<>();
            expected.forEach(e::add);
            Set<JsonNode> a = new HashSet<>();
            actual.forEach(a::add);
            if (!e.equals(a) || expected.size() != actual.size()) {
                differ(path, expected, actual);
            }
            return;
        }
        if (expected.size() != actual.size()) {
            differ(path, expected, actual);
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            compare(path + "/" + i, field, expected.get(i), actual.get(i));
        }
    }

    private void differ(String path, JsonNode expected, JsonNode actual) {
        differences.add(path + ": expected " + expected + ", got " + actual);
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
