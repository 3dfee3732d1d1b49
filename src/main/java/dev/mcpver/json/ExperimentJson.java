package dev.mcpver.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.abtest.Analysis;
import dev.mcpver.abtest.Assignment;
import dev.mcpver.abtest.AuditEvent;
import dev.mcpver.abtest.Decision;
import dev.mcpver.abtest.Direction;
import dev.mcpver.abtest.Experiment;
import dev.mcpver.abtest.ExperimentSpec;
import dev.mcpver.abtest.ExperimentSummary;
import dev.mcpver.abtest.IngestOutcome;
import dev.mcpver.abtest.InvalidExperimentException;
import dev.mcpver.abtest.MetricKind;
import dev.mcpver.abtest.MetricRole;
import dev.mcpver.abtest.MetricSpec;
import dev.mcpver.abtest.Recommendation;
import dev.mcpver.abtest.SampleSize;
import dev.mcpver.abtest.SequentialPoint;
import dev.mcpver.abtest.SequentialSpec;
import dev.mcpver.abtest.SeriesKey;
import dev.mcpver.abtest.StopRecord;
import dev.mcpver.abtest.VariantSpec;
import dev.mcpver.abtest.Warning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The A/B wire format of {@code abtest.md} §3, in one place for every door (HTTP, CLI, tools): request bodies into
 * validated engine records (errors name the JSON pointer of the bad field) and results into JSON with every field
 * present, {@code null} where undefined.
 */
public final class ExperimentJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExperimentJson() {}

    // ------------------------------------------------------------------ requests

    /** The body of {@code POST /api/v1/experiments}. */
    public static ExperimentSpec spec(JsonNode body) {
        requireObject(body, "");
        String name = text(body, "name");
        String mcpId = text(body, "mcpId");
        List<VariantSpec> variants = list(body, "variants", ExperimentJson::variant);
        List<MetricSpec> metrics = metrics(body);
        String control = optionalText(body, "control").orElse(variants.get(0).key());
        JsonNode sequential = body.path("sequential");
        SequentialSpec sequentialSpec = sequential.isMissingNode() || sequential.isNull()
                ? SequentialSpec.defaults()
                : located("sequential", () -> sequential(sequential));
        return new ExperimentSpec(
                name,
                mcpId,
                variants,
                control,
                metrics,
                number(body, "alpha", ExperimentSpec.DEFAULT_ALPHA),
                number(body, "srmAlpha", ExperimentSpec.DEFAULT_SRM_ALPHA),
                integer(body, "minSamplesPerVariant", ExperimentSpec.DEFAULT_MIN_SAMPLES),
                sequentialSpec,
                bool(body, "autoPromote", false));
    }

    /** New weights by variant key: {@code {"weights": {"A": 90, "B": 10}}}. */
    public static Map<String, Double> weights(JsonNode body) {
        requireObject(body, "");
        JsonNode weights = body.path("weights");
        requireObject(weights, "weights");
        Map<String, Double> result = new java.util.LinkedHashMap<>();
        weights.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isNumber()) {
                throw new InvalidExperimentException("weights/" + entry.getKey(), "must be a number");
            }
            result.put(entry.getKey(), entry.getValue().doubleValue());
        });
        return result;
    }

    /** The body of {@code POST /api/v1/sample-size}. */
    public static SampleSize.Request sampleSizeRequest(JsonNode body) {
        requireObject(body, "");
        MetricKind kind = choice(body, "kind", MetricKind::fromWire, MetricKind.choices());
        SampleSize.MdeType type = choice(body, "mdeType", SampleSize.MdeType::fromWire, "absolute, relative");
        JsonNode stddev = body.path("stddev");
        return new SampleSize.Request(
                kind,
                number(body, "baseline"),
                number(body, "mde"),
                type,
                number(body, "alpha", ExperimentSpec.DEFAULT_ALPHA),
                number(body, "power", SampleSize.Request.DEFAULT_POWER),
                integer(body, "comparisons", 1),
                stddev.isMissingNode() || stddev.isNull() ? null : number(body, "stddev"));
    }

    private static VariantSpec variant(JsonNode node) {
        requireObject(node, "");
        return new VariantSpec(text(node, "key"), text(node, "version"), number(node, "weight", 1.0));
    }

    private static List<MetricSpec> metrics(JsonNode body) {
        List<JsonNode> nodes = list(body, "metrics", node -> {
            requireObject(node, "");
            return node;
        });
        List<@Nullable MetricRole> declared = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            declared.add(located(
                    "metrics/" + i,
                    () -> node.hasNonNull("role")
                            ? choice(node, "role", MetricRole::fromWire, MetricRole.choices())
                            : null));
        }
        List<MetricRole> roles = ExperimentSpec.defaultRoles(declared);
        List<MetricSpec> metrics = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            MetricRole role = roles.get(i);
            metrics.add(located("metrics/" + i, () -> metric(node, role)));
        }
        return metrics;
    }

    private static MetricSpec metric(JsonNode node, MetricRole role) {
        return new MetricSpec(
                text(node, "name"),
                choice(node, "kind", MetricKind::fromWire, MetricKind.choices()),
                choice(node, "direction", Direction::fromWire, Direction.choices()),
                role,
                number(node, "guardrailThreshold", 0.0));
    }

    private static SequentialSpec sequential(JsonNode node) {
        requireObject(node, "");
        return new SequentialSpec(
                optionalText(node, "method").orElse(SequentialSpec.MSPRT),
                number(node, "tau", SequentialSpec.DEFAULT_TAU));
    }

    // ------------------------------------------------------------------ results

    /** The analysis body of {@code GET /api/v1/experiments/{id}/analysis}. */
    public static ObjectNode analysis(Analysis analysis) {
        ObjectNode root = NODES.objectNode();
        root.put("experimentId", analysis.experimentId());
        root.put("status", analysis.status().wireName());
        root.put("alpha", analysis.alpha());
        root.put("control", analysis.control());
        root.set("srm", srm(analysis.srm()));
        ArrayNode metrics = root.putArray("metrics");
        analysis.metrics().forEach(metric -> metrics.add(metric(metric)));
        root.set("decision", decision(analysis.decision()));
        return root;
    }

    public static ObjectNode decision(Decision decision) {
        ObjectNode node = NODES.objectNode();
        node.put("action", decision.action().wireName());
        node.put("winner", decision.winner());
        ArrayNode reasons = node.putArray("reasons");
        decision.reasons().forEach(reasons::add);
        return node;
    }

    public static ObjectNode sampleSize(SampleSize.Result result) {
        ObjectNode node = NODES.objectNode();
        node.put("perVariant", result.perVariant());
        node.put("perVariantExact", result.perVariantExact());
        node.put("variants", result.variants());
        node.put("total", result.total());
        return node;
    }

    private static ObjectNode srm(Analysis.Srm srm) {
        ObjectNode node = NODES.objectNode();
        ObjectNode counts = node.putObject("counts");
        srm.counts().forEach(counts::put);
        ObjectNode expected = node.putObject("expected");
        srm.expected().forEach(expected::put);
        node.put("chi2", srm.chi2());
        node.put("df", srm.df());
        node.put("pValue", srm.pValue());
        node.put("mismatch", srm.mismatch());
        return node;
    }

    private static ObjectNode metric(Analysis.MetricResult metric) {
        ObjectNode node = NODES.objectNode();
        node.put("name", metric.name());
        node.put("kind", metric.kind().wireName());
        node.put("direction", metric.direction().wireName());
        node.put("role", metric.role().wireName());
        ArrayNode variants = node.putArray("variants");
        for (Analysis.VariantStats v : metric.variants()) {
            ObjectNode variant = variants.addObject();
            variant.put("key", v.key());
            variant.put("version", v.version());
            variant.put("n", v.n());
            variant.put("mean", v.mean());
            variant.put("stddev", v.stddev());
        }
        ArrayNode comparisons = node.putArray("comparisons");
        metric.comparisons().forEach(c -> comparisons.add(comparison(c)));
        return node;
    }

    private static ObjectNode comparison(Analysis.Comparison c) {
        ObjectNode node = NODES.objectNode();
        node.put("control", c.control());
        node.put("treatment", c.treatment());
        node.put("diff", c.diff());
        node.put("ciLow", c.ciLow());
        node.put("ciHigh", c.ciHigh());
        node.put("relativeLift", c.relativeLift());
        node.put("liftCiLow", c.liftCiLow());
        node.put("liftCiHigh", c.liftCiHigh());
        node.put("pValue", c.pValue());
        node.put("pValueAdjusted", c.pValueAdjusted());
        node.put("significant", c.significant());
        node.set("welch", c.welch() == null ? NODES.nullNode() : welch(c.welch()));
        node.set("mannWhitney", c.mannWhitney() == null ? NODES.nullNode() : mannWhitney(c.mannWhitney()));
        node.set("proportions", c.proportions() == null ? NODES.nullNode() : proportions(c.proportions()));
        ObjectNode sequential = node.putObject("sequential");
        sequential.put("method", c.sequential().method());
        sequential.put("pValue", c.sequential().pValue());
        sequential.put("pValueAdjusted", c.sequential().pValueAdjusted());
        ArrayNode warnings = node.putArray("warnings");
        c.warnings().stream().map(Warning::wireName).forEach(warnings::add);
        return node;
    }

    private static ObjectNode welch(Analysis.Welch welch) {
        ObjectNode node = NODES.objectNode();
        node.put("t", welch.t());
        node.put("df", welch.df());
        node.put("pValue", welch.pValue());
        return node;
    }

    private static ObjectNode mannWhitney(Analysis.MannWhitney mw) {
        ObjectNode node = NODES.objectNode();
        node.put("u", mw.u());
        node.put("pValue", mw.pValue());
        return node;
    }

    private static ObjectNode proportions(Analysis.Proportions proportions) {
        ObjectNode node = NODES.objectNode();
        node.put("z", proportions.z());
        node.put("pValue", proportions.pValue());
        return node;
    }

    /** An experiment: its definition, status, stop and proposal; counters when a summary is given. */
    public static ObjectNode experiment(Experiment e) {
        ObjectNode node = NODES.objectNode();
        ExperimentSpec spec = e.spec();
        node.put("id", e.id());
        node.put("name", spec.name());
        node.put("mcpId", spec.mcpId());
        node.put("status", e.status().wireName());
        ArrayNode variants = node.putArray("variants");
        spec.variants()
                .forEach(v -> variants.addObject()
                        .put("key", v.key())
                        .put("version", v.version())
                        .put("weight", v.weight()));
        node.put("control", spec.control());
        ArrayNode metrics = node.putArray("metrics");
        spec.metrics()
                .forEach(m -> metrics.addObject()
                        .put("name", m.name())
                        .put("kind", m.kind().wireName())
                        .put("direction", m.direction().wireName())
                        .put("role", m.role().wireName())
                        .put("guardrailThreshold", m.guardrailThreshold()));
        node.put("alpha", spec.alpha());
        node.put("srmAlpha", spec.srmAlpha());
        node.put("minSamplesPerVariant", spec.minSamplesPerVariant());
        node.putObject("sequential")
                .put("method", spec.sequential().method())
                .put("tau", spec.sequential().tau());
        node.put("autoPromote", spec.autoPromote());
        node.put("createdBy", e.createdBy());
        node.put("createdAt", e.createdAt().toString());
        node.put("startedAt", e.startedAt() == null ? null : e.startedAt().toString());
        node.set("stop", e.stop() == null ? NODES.nullNode() : stop(e.stop()));
        node.set("proposal", e.proposal() == null ? NODES.nullNode() : decision(e.proposal()));
        return node;
    }

    /** {@link #experiment} plus units exposed and samples (first metric) per variant. */
    public static ObjectNode summary(ExperimentSummary summary) {
        ObjectNode node = experiment(summary.experiment());
        ObjectNode exposures = node.putObject("exposures");
        summary.exposures().forEach(exposures::put);
        ObjectNode samples = node.putObject("samples");
        summary.samples().forEach(samples::put);
        return node;
    }

    private static ObjectNode stop(StopRecord stop) {
        return NODES.objectNode()
                .put("outcome", stop.outcome().wireName())
                .put("winner", stop.winner())
                .put("reason", stop.reason())
                .put("by", stop.by())
                .put("at", stop.at().toString());
    }

    /** The answer to {@code POST …/metrics}: 202 with the count and, for a stored batch, the decision after it. */
    public static ObjectNode ingest(IngestOutcome outcome) {
        ObjectNode node = NODES.objectNode();
        node.put("accepted", outcome.accepted());
        if (outcome instanceof IngestOutcome.Accepted accepted) {
            node.put("replayed", false);
            node.put("status", accepted.status().wireName());
            node.set("decision", decision(accepted.decision()));
            node.set("autoStop", accepted.stop() == null ? NODES.nullNode() : stop(accepted.stop()));
        } else {
            node.put("replayed", true);
        }
        return node;
    }

    public static ObjectNode assignment(Assignment assignment) {
        return NODES.objectNode()
                .put("experimentId", assignment.experimentId())
                .put("unit", assignment.unit())
                .put("variant", assignment.variant())
                .put("version", assignment.version())
                .put("bucket", assignment.bucket())
                .put("firstExposure", assignment.firstExposure());
    }

    public static ObjectNode recommendation(Recommendation recommendation) {
        ObjectNode node = NODES.objectNode();
        node.put("experimentId", recommendation.experimentId());
        node.set("decision", decision(recommendation.decision()));
        node.put("narrative", recommendation.narrative());
        node.put("writer", recommendation.writer());
        node.put("resolution", recommendation.resolution().wireName());
        node.put("attempts", recommendation.attempts());
        node.put("runId", recommendation.runId());
        ArrayNode rejections = node.putArray("rejections");
        recommendation.rejections().forEach(rejections::add);
        return node;
    }

    /**
     * The sequential p-value history grouped by series, thinned to at most {@code maxPoints} per series (the first,
     * the last and evenly spaced points between).
     */
    public static ObjectNode sequentialHistory(List<SequentialPoint> points, int maxPoints) {
        Map<SeriesKey, List<SequentialPoint>> bySeries = new LinkedHashMap<>();
        points.forEach(point -> bySeries.computeIfAbsent(point.series(), key -> new ArrayList<>())
                .add(point));
        ObjectNode root = NODES.objectNode();
        ArrayNode series = root.putArray("series");
        bySeries.forEach((key, list) -> {
            ObjectNode node = series.addObject().put("metric", key.metric()).put("treatment", key.variant());
            node.put("batches", list.size());
            ArrayNode out = node.putArray("points");
            int step = Math.max(1, (int) Math.ceil(list.size() / (double) maxPoints));
            for (int i = 0; i < list.size(); i++) {
                if (i % step == 0 || i == list.size() - 1) {
                    SequentialPoint p = list.get(i);
                    out.addObject()
                            .put("observations", p.observations())
                            .put("pValue", p.pValue())
                            .put("at", p.at().toString());
                }
            }
        });
        return root;
    }

    public static ArrayNode events(List<AuditEvent> events) {
        ArrayNode list = NODES.arrayNode();
        for (AuditEvent event : events) {
            ObjectNode node = list.addObject()
                    .put("type", event.type())
                    .put("actor", event.actor())
                    .put("at", event.at().toString());
            node.set("details", Json.mapper().valueToTree(event.details()));
        }
        return list;
    }

    // ------------------------------------------------------------------ reading helpers

    /** Runs a parse step and locates its complaint under {@code parent}. */
    static <T> T located(String parent, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidExperimentException e) {
            throw e.under(parent);
        }
    }

    private static <T> List<T> list(JsonNode parent, String field, Function<JsonNode, T> element) {
        JsonNode array = parent.path(field);
        if (!array.isArray()) {
            throw new InvalidExperimentException(field, array.isMissingNode() ? "is required" : "must be an array");
        }
        List<T> values = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            values.add(located(field + "/" + i, () -> element.apply(item)));
        }
        if (values.isEmpty()) {
            throw new InvalidExperimentException(field, "must not be empty");
        }
        return values;
    }

    private static void requireObject(JsonNode node, String field) {
        if (!node.isObject()) {
            throw new InvalidExperimentException(field, node.isMissingNode() ? "is required" : "must be a JSON object");
        }
    }

    private static String text(JsonNode parent, String field) {
        return optionalText(parent, field).orElseThrow(() -> new InvalidExperimentException(field, "is required"));
    }

    private static Optional<String> optionalText(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new InvalidExperimentException(field, "must be a string");
        }
        return Optional.of(node.textValue());
    }

    private static double number(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            throw new InvalidExperimentException(field, "is required");
        }
        return numberValue(node, field);
    }

    private static double number(JsonNode parent, String field, double fallback) {
        JsonNode node = parent.path(field);
        return node.isMissingNode() || node.isNull() ? fallback : numberValue(node, field);
    }

    private static double numberValue(JsonNode node, String field) {
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw new InvalidExperimentException(field, "must be a finite number");
        }
        return node.doubleValue();
    }

    private static int integer(JsonNode parent, String field, int fallback) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new InvalidExperimentException(field, "must be an integer");
        }
        return node.intValue();
    }

    private static boolean bool(JsonNode parent, String field, boolean fallback) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw new InvalidExperimentException(field, "must be true or false");
        }
        return node.booleanValue();
    }

    private static <E> E choice(JsonNode parent, String field, Function<String, Optional<E>> parse, String choices) {
        String value = text(parent, field);
        return parse.apply(value)
                .orElseThrow(() ->
                        new InvalidExperimentException(field, "must be one of " + choices + ", got \"" + value + "\""));
    }
}
