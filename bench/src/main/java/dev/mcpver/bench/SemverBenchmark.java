package dev.mcpver.bench;

import dev.mcpver.semver.Range;
import dev.mcpver.semver.Semver;
import dev.mcpver.semver.Version;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the SemVer engine on the inputs in {@code semver-bench-inputs.txt}; one operation handles
 * one input (cycling through the 16 of a section), exactly like {@code bench/semver/node-bench.mjs}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class SemverBenchmark {
    private static final int MASK = BenchInputs.SIZE - 1;

    private String[] valid;
    private String[] mixed;
    private String[] compareA;
    private String[] compareB;
    private Version[] parsedA;
    private Version[] parsedB;
    private String[] satisfiesVersion;
    private String[] satisfiesRange;
    private Version[] parsedVersion;
    private Range[] parsedRange;
    private int i;

    @Setup
    public void setUp() {
        Map<String, List<String[]>> inputs = BenchInputs.load();
        valid = BenchInputs.column(inputs.get("valid"), 0);
        mixed = BenchInputs.column(inputs.get("mixed"), 0);
        compareA = BenchInputs.column(inputs.get("compare"), 0);
        compareB = BenchInputs.column(inputs.get("compare"), 1);
        satisfiesVersion = BenchInputs.column(inputs.get("satisfies"), 0);
        satisfiesRange = BenchInputs.column(inputs.get("satisfies"), 1);
        parsedA = parseAll(compareA);
        parsedB = parseAll(compareB);
        parsedVersion = parseAll(satisfiesVersion);
        parsedRange = new Range[BenchInputs.SIZE];
        for (int k = 0; k < BenchInputs.SIZE; k++) {
            parsedRange[k] = Range.parse(satisfiesRange[k]);
        }
    }

    private static Version[] parseAll(String[] texts) {
        Version[] result = new Version[texts.length];
        for (int k = 0; k < texts.length; k++) {
            result[k] = Version.parse(texts[k]);
        }
        return result;
    }

    private int next() {
        i = (i + 1) & MASK;
        return i;
    }

    @Benchmark
    public Version parseValid() {
        return Version.parse(valid[next()]);
    }

    @Benchmark
    public Optional<Version> parseMixed() {
        return Version.tryParse(mixed[next()]);
    }

    @Benchmark
    public int compareStrings() {
        int k = next();
        return Semver.compare(compareA[k], compareB[k]);
    }

    @Benchmark
    public int compareParsed() {
        int k = next();
        return parsedA[k].compareTo(parsedB[k]);
    }

    @Benchmark
    public boolean satisfiesStrings() {
        int k = next();
        return Semver.satisfies(satisfiesVersion[k], satisfiesRange[k]);
    }

    @Benchmark
    public boolean satisfiesParsed() {
        int k = next();
        return parsedRange[k].test(parsedVersion[k]);
    }

    /**
     * Parsing ranges that are never in the 1,000-entry cache (4,096 distinct ranges, cycled): what a miss
     * costs, including the cache insert. node-bench.mjs builds the same list.
     */
    @Benchmark
    public String rangeParseMiss() {
        missIndex = (missIndex + 1) & (FRESH_RANGES.length - 1);
        return Range.parse(FRESH_RANGES[missIndex]).normalized();
    }

    private static final String[] FRESH_RANGES = freshRanges();
    private int missIndex;

    static String[] freshRanges() {
        String[] ranges = new String[4096];
        for (int k = 0; k < ranges.length; k++) {
            int major = k / 6;
            int minor = k % 13;
            int patch = k % 7;
            ranges[k] = switch (k % 6) {
                case 0 -> "^" + major + "." + minor + "." + patch;
                case 1 -> "~" + major + "." + minor;
                case 2 -> ">=" + major + "." + minor + "." + patch + " <" + (major + 1) + ".0.0";
                case 3 -> major + ".x || " + (major + 1) + ".x";
                case 4 -> major + "." + minor + "." + patch + " - " + (major + 2) + "." + minor + "." + patch;
                default -> ">=" + major + "." + minor + "." + patch + "-rc." + patch + " <" + (major + 1);
            };
        }
        return ranges;
    }
}
