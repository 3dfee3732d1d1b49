package dev.mcpver.bench.compat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpver.compat.CompatAnalyzer;
import dev.mcpver.compat.Policy;
import dev.mcpver.compat.Surface;
import dev.mcpver.compat.SurfaceParser;
import dev.mcpver.compat.json.JsonInterner;
import dev.mcpver.compat.json.JsonWriter;
import dev.mcpver.surface.JsonValueReader;
import dev.mcpver.surface.JsonValues;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The speed bar as a ratio that survives a busy machine: Jackson parsing and the analysis run alternately, round
 * after round, and the medians are compared (JMH runs them minutes apart, so background load skews its ratio).
 * {@code java -cp target/benchmarks.jar dev.mcpver.bench.compat.CompatRatio [tools] [rounds]}
 */
public final class CompatRatio {
    private CompatRatio() {}

    public static void main(String[] args) throws Exception {
        int tools = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        String[] pair = new SurfaceGenerator(42).pair(tools);
        byte[] a = pair[0].getBytes(StandardCharsets.UTF_8);
        byte[] b = pair[1].getBytes(StandardCharsets.UTF_8);
        ObjectMapper mapper = new ObjectMapper();
        CompatAnalyzer analyzer = new CompatAnalyzer();
        JsonInterner shared = new JsonInterner();
        Surface sa = SurfaceParser.parse(JsonValueReader.read(a, shared));
        Surface sb = SurfaceParser.parse(JsonValueReader.read(b, shared));
        long[] jackson = new long[rounds];
        long[] analyze = new long[rounds];
        long[] endToEnd = new long[rounds];
        int changes = 0;
        for (int r = -rounds / 2; r < rounds; r++) {
            long t0 = System.nanoTime();
            int sink = mapper.readTree(a).size() + mapper.readTree(b).size();
            long t1 = System.nanoTime();
            changes = analyzer.analyze(sa, sb, Policy.DEFAULT).changes().size() + sink * 0;
            long t2 = System.nanoTime();
            JsonInterner interner = new JsonInterner();
            Surface x = SurfaceParser.parse(JsonValueReader.read(a, interner));
            Surface y = SurfaceParser.parse(JsonValueReader.read(b, interner));
            sink += JsonWriter.pretty(analyzer.analyze(x, y, Policy.DEFAULT).toJson()).length();
            long t3 = System.nanoTime();
            if (r >= 0) {
                jackson[r] = t1 - t0;
                analyze[r] = t2 - t1;
                endToEnd[r] = t3 - t2;
            }
        }
        double j = median(jackson);
        double an = median(analyze);
        double e = median(endToEnd);
        System.out.printf(Locale.ROOT, "tools=%d bytes=%d+%d changes=%d rounds=%d%n", tools, a.length, b.length, changes, rounds);
        System.out.printf(Locale.ROOT, "median ms: jackson parse both %.2f, analyze %.2f (%.2fx), end to end %.2f (%.2fx)%n",
                j, an, an / j, e, e / j);
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
