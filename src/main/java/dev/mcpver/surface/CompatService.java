package dev.mcpver.surface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.BuildInfo;
import dev.mcpver.compat.CompatAnalyzer;
import dev.mcpver.compat.CompatReport;
import dev.mcpver.compat.Policy;
import dev.mcpver.compat.ReportFormat;
import dev.mcpver.compat.ReportRenderer;
import dev.mcpver.compat.Surface;
import dev.mcpver.compat.SurfaceException;
import dev.mcpver.compat.SurfaceParser;
import dev.mcpver.compat.json.JsonInterner;
import dev.mcpver.json.CanonicalJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analysis as the doors use it: JSON in (surfaces or captures, a policy, optional older releases), a rendered
 * report out, cached by the content hash of everything that decides it. Thread-safe.
 */
public final class CompatService {
    private static final Logger LOG = LoggerFactory.getLogger(CompatService.class);

    private final CompatAnalyzer analyzer = new CompatAnalyzer();
    private final ReportCache cache;
    private final Clock clock;

    public CompatService(ReportCache cache, Clock clock) {
        this.cache = cache;
        this.clock = clock;
    }

    /** What the doors send. {@code history}: older releases, oldest first, for transitive mode (may be empty). */
    public record Request(
            JsonNode before, JsonNode after, @Nullable JsonNode policy, List<JsonNode> history) {
        public Request {
            history = List.copyOf(history);
        }
    }

    /** A rendered report and whether it came from the cache. */
    public record Rendered(String text, ReportFormat format, boolean cached) {}

    /**
     * @throws SurfaceException naming the bad input by JSON pointer ({@code /old/tools/3/name})
     */
    public Rendered analyze(Request request, ReportFormat format, String artifact) {
        Instant started = clock.instant();
        String key = key(request, format, artifact);
        var hit = cache.get(key);
        if (hit.isPresent()) {
            log(started, true, format);
            return new Rendered(hit.get(), format, true);
        }
        CompatReport report = report(request);
        String text = ReportRenderer.render(report, format, artifact, BuildInfo.version());
        cache.put(key, text);
        log(started, false, format);
        return new Rendered(text, format, false);
    }

    /** The report itself (no cache): for callers that need its fields, e.g. exit codes. */
    public CompatReport report(Request request) {
        JsonInterner interner = new JsonInterner();
        Surface before = parse(request.before(), "/old", interner);
        Surface after = parse(request.after(), "/new", interner);
        Policy policy = request.policy() == null ? Policy.DEFAULT : policy(request.policy());
        if (request.history().isEmpty()) {
            return analyzer.analyze(before, after, policy);
        }
        List<Surface> releases = new ArrayList<>();
        for (int i = 0; i < request.history().size(); i++) {
            releases.add(parse(request.history().get(i), "/history/" + i, interner));
        }
        releases.add(before);
        return analyzer.analyzeTransitive(releases, after, policy);
    }

    /** The report of two surfaces already read (no cache): for ports that own their inputs. */
    public CompatReport report(Surface before, Surface after) {
        return analyzer.analyze(before, after, Policy.DEFAULT);
    }

    static Surface parse(JsonNode json, String pointer, JsonInterner interner) {
        try {
            return SurfaceParser.parse(JsonValues.fromJackson(json, interner));
        } catch (SurfaceException e) {
            throw e.under(pointer);
        }
    }

    static Policy policy(JsonNode json) {
        return Policy.parse(JsonValues.fromJackson(json), "/policy");
    }

    /** SHA-256 over the canonical JSON of everything that decides the rendered text. */
    static String key(Request request, ReportFormat format, String artifact) {
        ObjectNode key = JsonNodeFactory.instance.objectNode();
        key.put("reportVersion", CompatReport.REPORT_VERSION);
        key.put("mcpver", BuildInfo.version());
        key.put("format", format.wireName());
        key.put("artifact", format == ReportFormat.SARIF ? artifact : "");
        key.set("old", request.before());
        key.set("new", request.after());
        key.set("policy", request.policy());
        key.set("history", JsonNodeFactory.instance.arrayNode().addAll(request.history()));
        return CanonicalJson.sha256(key);
    }

    private void log(Instant started, boolean cached, ReportFormat format) {
        LOG.atInfo()
                .addKeyValue("operation", "COMPAT_ANALYZE")
                .addKeyValue("cached", cached)
                .addKeyValue("format", format.wireName())
                .addKeyValue(
                        "durationMs", Duration.between(started, clock.instant()).toMillis())
                .log("compatibility analysis");
    }
}
