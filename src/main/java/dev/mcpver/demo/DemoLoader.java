package dev.mcpver.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpver.App;
import dev.mcpver.RegistryWiring;
import dev.mcpver.agent.TraceService;
import dev.mcpver.auth.Actor;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.json.Json;
import dev.mcpver.store.Database;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo data set ({@code demo/demo.json} on the classpath) through the real services: registry, signing,
 * lifecycle gates, A/B experiments and trace import. Meant for an empty database (the demo's own).
 */
public final class DemoLoader {
    /** Who the demo's audit entries, versions and experiment name as their author. */
    public static final String SUBJECT = "demo";

    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);

    private DemoLoader() {}

    /**
     * @param random drives the experiment's observations (seed it for a reproducible data set)
     */
    public static DemoSummary load(Database database, Path home, TraceService traces, Clock clock, Random random) {
        long started = System.nanoTime();
        ObjectMapper mapper = Json.create();
        Actor actor = new Actor(new Caller(SUBJECT, Role.ADMIN), "demo-load");
        try {
            JsonNode manifest = mapper.readTree(DemoResources.text("demo/demo.json"));
            DemoReleases.Result releases = new DemoReleases(
                            new RegistryWiring(database, clock, home), actor, mapper, new SecureRandom())
                    .load(manifest.get("servers"));
            String experiment =
                    DemoExperiment.load(App.experiments(database, clock), manifest.get("experiment"), random, SUBJECT);
            int conversations = importConversations(traces);
            DemoSummary summary = new DemoSummary(
                    releases.servers(), releases.versions(), releases.refused(), experiment, conversations);
            LOG.atInfo()
                    .addKeyValue("operation", "DEMO_LOAD")
                    .addKeyValue("durationMs", (System.nanoTime() - started) / 1_000_000)
                    .log(summary.describe());
            return summary;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the demo data set does not parse: " + e.getOriginalMessage(), e);
        }
    }

    private static int importConversations(TraceService traces) {
        int count = 0;
        for (String file : DemoResources.jsonFiles("demo/conversations")) {
            traces.importText(file);
            count++;
        }
        return count;
    }
}
