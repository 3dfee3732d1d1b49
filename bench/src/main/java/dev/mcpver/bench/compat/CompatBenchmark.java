package dev.mcpver.bench.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpver.compat.CompatAnalyzer;
import dev.mcpver.compat.CompatReport;
import dev.mcpver.compat.Policy;
import dev.mcpver.compat.Surface;
import dev.mcpver.compat.SurfaceParser;
import dev.mcpver.compat.json.JsonInterner;
import dev.mcpver.compat.json.JsonWriter;
import dev.mcpver.surface.JsonValueReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The speed bar: analyzing two surfaces of 500 tools costs at most 5× what Jackson needs to parse both
 * files. {@code jacksonParseBoth} is the baseline; {@code analyze} starts from parsed surfaces; {@code endToEnd} goes
 * from the bytes of both files to the rendered JSON report (stream-parse into the engine's JSON model, read the
 * surfaces, analyze, render) — what {@code mcpver diff} does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class CompatBenchmark {
    @Param({"500"})
    public int tools;

    private final ObjectMapper mapper = new ObjectMapper();
    private final CompatAnalyzer analyzer = new CompatAnalyzer();
    private byte[] oldBytes;
    private byte[] newBytes;
    private Surface oldSurface;
    private Surface newSurface;

    @Setup
    public void setUp() throws Exception {
        String[] pair = new SurfaceGenerator(42).pair(tools);
        oldBytes = pair[0].getBytes(StandardCharsets.UTF_8);
        newBytes = pair[1].getBytes(StandardCharsets.UTF_8);
        JsonInterner shared = new JsonInterner();
        oldSurface = SurfaceParser.parse(JsonValueReader.read(oldBytes, shared));
        newSurface = SurfaceParser.parse(JsonValueReader.read(newBytes, shared));
    }

    @Benchmark
    public Object jacksonParseBoth() throws Exception {
        JsonNode a = mapper.readTree(oldBytes);
        JsonNode b = mapper.readTree(newBytes);
        return a.size() + b.size();
    }

    @Benchmark
    public CompatReport analyze() {
        return analyzer.analyze(oldSurface, newSurface, Policy.DEFAULT);
    }

    @Benchmark
    public String endToEnd() throws Exception {
        JsonInterner interner = new JsonInterner();
        Surface a = SurfaceParser.parse(JsonValueReader.read(oldBytes, interner));
        Surface b = SurfaceParser.parse(JsonValueReader.read(newBytes, interner));
        return JsonWriter.pretty(analyzer.analyze(a, b, Policy.DEFAULT).toJson());
    }
}
