package dev.mcpver.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.abtest.Experiment;
import dev.mcpver.abtest.ExperimentService;
import dev.mcpver.abtest.ObservationBatch;
import dev.mcpver.json.ExperimentJson;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;

/**
 * One running A/B experiment fed with batches of observations drawn from fixed rates, so that the sequential p-value
 * has a history and the plots have something to show.
 */
final class DemoExperiment {
    private DemoExperiment() {}

    /** Creates, starts and feeds the experiment; returns its id. */
    static String load(ExperimentService service, JsonNode entry, Random random, String actor) {
        Experiment experiment = service.create(ExperimentJson.spec(entry.get("spec")), actor);
        service.start(experiment.id(), actor);
        int batches = entry.path("batches").asInt(6);
        for (int batch = 0; batch < batches; batch++) {
            service.ingest(experiment.id(), batch(experiment, entry, random), "demo-batch-" + batch);
        }
        return experiment.id();
    }

    private static ObservationBatch batch(Experiment experiment, JsonNode entry, Random random) {
        ObservationBatch.Builder builder = ObservationBatch.builder(experiment.spec());
        int size = entry.path("perVariantPerBatch").asInt(250);
        for (int i = 0; i < size; i++) {
            Iterator<Map.Entry<String, JsonNode>> variants =
                    entry.get("variants").fields();
            while (variants.hasNext()) {
                Map.Entry<String, JsonNode> variant = variants.next();
                double rate = variant.getValue().path("success").asDouble();
                double latency = variant.getValue().path("responseTimeMs").asDouble();
                builder.add(variant.getKey(), "success", random.nextDouble() < rate ? 1 : 0);
                builder.add(variant.getKey(), "response_time", latency * (0.7 + 0.6 * random.nextDouble()));
            }
        }
        return builder.build();
    }
}
