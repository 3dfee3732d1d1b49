package dev.mcpver.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.abtest.ExperimentConflictException;
import dev.mcpver.abtest.ExperimentNotFoundException;
import dev.mcpver.abtest.ExperimentService;
import dev.mcpver.abtest.NarrativeWriter;
import dev.mcpver.abtest.SampleSize;
import dev.mcpver.auth.Role;
import dev.mcpver.json.ExperimentJson;
import dev.mcpver.json.Json;
import java.util.List;
import java.util.function.Supplier;

/**
 * A/B experiments as catalog tools: list, analysis, sample size and recommendation (read-only) and stop
 * (operator, confirmation required). Results are the HTTP API's JSON ({@link ExperimentJson}).
 */
public final class ExperimentTools {
    private static final String ID =
            "{\"type\":\"string\",\"description\":\"the experiment id (a ULID), see " + "experiment_list\"}";
    private static final String DECISION = """
            {"type":"object","required":["action","winner","reasons"],
             "properties":{"action":{"enum":["continue","promote","rollback","halt"]},
              "winner":{"type":["string","null"]},"reasons":{"type":"array","items":{"type":"string"}}}}""";

    private final ExperimentService service;

    public ExperimentTools(ExperimentService service) {
        this.service = service;
    }

    public List<ToolDef> all() {
        return List.of(list(), analysis(), sampleSize(), recommendation(), narrative(), stop());
    }

    ToolDef list() {
        return ToolDef.readOnly(
                "experiment_list",
                "List A/B experiments",
                "Lists A/B experiments of MCP server versions, newest first: id, name, MCP server, status (draft, "
                        + "running, paused, stopped), variants with versions and weights, metrics, and how a stopped "
                        + "experiment ended. Optionally only those with a given status.",
                Schemas.of("""
                        {"type":"object","properties":{"status":{"enum":["draft","running","paused","stopped"]}},
                         "additionalProperties":false}"""),
                Schemas.of("""
                        {"type":"object","required":["experiments"],
                         "properties":{"experiments":{"type":"array","items":{"type":"object"}}}}"""),
                (args, ctx) -> guarded(() -> {
                    ObjectNode result = Json.mapper().createObjectNode();
                    var items = result.putArray("experiments");
                    service.list(
                                    args.hasNonNull("status")
                                            ? dev.mcpver.abtest.ExperimentStatus.fromWire(
                                                            args.get("status").asText())
                                                    .orElseThrow()
                                            : null)
                            .forEach(e -> items.add(ExperimentJson.experiment(e)));
                    return result;
                }));
    }

    ToolDef analysis() {
        return ToolDef.readOnly(
                "experiment_analysis",
                "Analyse an A/B experiment",
                "Statistical analysis of an experiment: per metric and treatment-vs-control the difference with "
                        + "its CI, relative lift, Welch t / Mann-Whitney (continuous) or two-proportion z (binary), "
                        + "Holm-adjusted p, the always-valid sequential p, the sample-ratio-mismatch check, and the "
                        + "decision (continue, promote, rollback, halt) with reasons. The decision is statistical: "
                        + "report it as is. Undefined numbers are null with warning codes.",
                Schemas.of("{\"type\":\"object\",\"properties\":{\"experimentId\":" + ID
                        + "},\"required\":[\"experimentId\"],\"additionalProperties\":false}"),
                Schemas.of("{\"type\":\"object\",\"required\":[\"experimentId\",\"status\",\"alpha\",\"control\","
                        + "\"srm\",\"metrics\",\"decision\"],\"properties\":{\"experimentId\":{\"type\":\"string\"},"
                        + "\"srm\":{\"type\":\"object\"},\"metrics\":{\"type\":\"array\"},\"decision\":" + DECISION
                        + "}}"),
                (args, ctx) -> guarded(() -> ExperimentJson.analysis(service.analysis(text(args, "experimentId")))));
    }

    ToolDef sampleSize() {
        return ToolDef.readOnly(
                "experiment_sample_size",
                "Plan an A/B sample size",
                "Samples needed per variant to detect a minimum effect (two-sided, normal approximation). Binary "
                        + "metrics: baseline is the control rate in (0,1). Continuous metrics: give stddev. mde is "
                        + "absolute or relative to the baseline; with several treatments set comparisons "
                        + "(Bonferroni split of alpha).",
                Schemas.of("""
                        {"type":"object","required":["kind","baseline","mde","mdeType"],"additionalProperties":false,
                         "properties":{"kind":{"enum":["binary","continuous"]},"baseline":{"type":"number"},
                          "mde":{"type":"number"},"mdeType":{"enum":["absolute","relative"]},
                          "alpha":{"type":"number","exclusiveMinimum":0,"exclusiveMaximum":1},
                          "power":{"type":"number","exclusiveMinimum":0,"exclusiveMaximum":1},
                          "comparisons":{"type":"integer","minimum":1},"stddev":{"type":"number","exclusiveMinimum":0}}}"""),
                Schemas.of("""
                        {"type":"object","required":["perVariant","perVariantExact","variants","total"],
                         "properties":{"perVariant":{"type":"integer"},"perVariantExact":{"type":"number"},
                          "variants":{"type":"integer"},"total":{"type":"integer"}}}"""),
                (args, ctx) -> guarded(
                        () -> ExperimentJson.sampleSize(SampleSize.compute(ExperimentJson.sampleSizeRequest(args)))));
    }

    ToolDef recommendation() {
        return ToolDef.readOnly(
                "experiment_recommendation",
                "Explain an A/B experiment",
                "A written recommendation for an experiment. The action is always the statistical decision; the "
                        + "narrative explains it. Says whether the narrative was accepted, regenerated, or replaced "
                        + "by the offline template because a draft contradicted the decision.",
                Schemas.of("{\"type\":\"object\",\"properties\":{\"experimentId\":" + ID
                        + "},\"required\":[\"experimentId\"],\"additionalProperties\":false}"),
                Schemas.of("{\"type\":\"object\",\"required\":[\"experimentId\",\"decision\",\"narrative\","
                        + "\"writer\",\"resolution\",\"attempts\",\"rejections\"],\"properties\":{\"decision\":"
                        + DECISION + ",\"narrative\":{\"type\":\"string\"},\"resolution\":{\"enum\":[\"accepted\","
                        + "\"regenerated\",\"replaced_by_template\"]}}}"),
                (args, ctx) ->
                        guarded(() -> ExperimentJson.recommendation(service.recommend(text(args, "experimentId")))));
    }

    ToolDef narrative() {
        return ToolDef.readOnly(
                "experiment_narrative",
                "Template narrative of an A/B analysis",
                "The deterministic, offline narrative of an experiment's current analysis: the decided action, the "
                        + "samples, the sample-ratio check and each primary and guardrail comparison in plain words. "
                        + "Use it as a starting point or as a fact check of your own wording.",
                Schemas.of("{\"type\":\"object\",\"properties\":{\"experimentId\":" + ID
                        + "},\"required\":[\"experimentId\"],\"additionalProperties\":false}"),
                Schemas.of(
                        "{\"type\":\"object\",\"required\":[\"action\",\"text\"],\"properties\":{\"action\":"
                                + "{\"enum\":[\"continue\",\"promote\",\"rollback\",\"halt\"]},\"text\":{\"type\":\"string\"}}}"),
                (args, ctx) -> guarded(() -> {
                    NarrativeWriter.NarrativeDraft draft = service.templateNarrative(text(args, "experimentId"));
                    return JsonNodeFactory.instance
                            .objectNode()
                            .put("action", draft.action().wireName())
                            .put("text", draft.text());
                }));
    }

    ToolDef stop() {
        return new ToolDef(
                "experiment_stop",
                "Stop an A/B experiment",
                "Stops a draft, running or paused experiment for good (no more observations). Give a reason; "
                        + "with winner the operator also says where traffic goes now (the treatment to promote, or "
                        + "the control). Needs the operator role and a human's confirmation.",
                Schemas.of("{\"type\":\"object\",\"properties\":{\"experimentId\":" + ID + ",\"reason\":{\"type\":"
                        + "\"string\",\"minLength\":1,\"maxLength\":1000},\"winner\":{\"type\":\"string\",\"description\":"
                        + "\"variant key traffic goes to after the stop\"}},\"required\":[\"experimentId\",\"reason\"],"
                        + "\"additionalProperties\":false}"),
                Schemas.of("{\"type\":\"object\",\"required\":[\"id\",\"status\",\"stop\"],\"properties\":"
                        + "{\"status\":{\"const\":\"stopped\"}}}"),
                new ToolHints(false, true, false, false),
                Role.OPERATOR,
                true,
                (args, ctx) -> guarded(() -> ExperimentJson.experiment(service.stop(
                        text(args, "experimentId"),
                        ctx.caller().subject(),
                        text(args, "reason"),
                        args.hasNonNull("winner") ? text(args, "winner") : null))));
    }

    /** Maps the feature's expected failures to tool failures; invalid input stays an IllegalArgumentException. */
    private static ToolOutcome guarded(Supplier<JsonNode> call) {
        try {
            return ToolOutcome.ok(call.get());
        } catch (ExperimentNotFoundException e) {
            return ToolOutcome.failed("not_found", String.valueOf(e.getMessage()));
        } catch (ExperimentConflictException e) {
            return ToolOutcome.failed("conflict", String.valueOf(e.getMessage()));
        }
    }

    private static String text(JsonNode args, String field) {
        return args.get(field).asText();
    }
}
