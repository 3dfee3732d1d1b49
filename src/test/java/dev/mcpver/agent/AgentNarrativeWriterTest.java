package dev.mcpver.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.ChatModel;
import dev.mcpver.abtest.ExperimentService;
import dev.mcpver.abtest.ExperimentSpec;
import dev.mcpver.abtest.Experiments;
import dev.mcpver.abtest.ObservationBatch;
import dev.mcpver.abtest.OutcomeListener;
import dev.mcpver.abtest.Recommendation;
import dev.mcpver.store.Database;
import dev.mcpver.store.ExperimentStore;
import dev.mcpver.store.JdbiTraceStore;
import dev.mcpver.testing.TestDatabases;
import dev.mcpver.tools.ExperimentTools;
import dev.mcpver.tools.ToolCatalog;
import dev.mcpver.tools.ToolDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A/B recommendations written by the agent: each one is a stored, replayable run with origin ab_recommendation. */
class AgentNarrativeWriterTest {
    @TempDir
    Path directory;

    /** The experiment feature and the agent wired as App wires them (the writer closes the cycle). */
    private final class Wiring {
        final JdbiTraceStore traces;
        final ExperimentService experiments;
        final Agent agent;

        Wiring(AgentSettings settings, @Nullable ChatModel model) {
            Database database = TestDatabases.sqlite(directory);
            traces = new JdbiTraceStore(database);
            AtomicReference<Agent> ref = new AtomicReference<>();
            experiments = Experiments.service(
                    new ExperimentStore(database, Experiments.CLOCK),
                    new AgentNarrativeWriter(ref::get),
                    OutcomeListener.none());
            SequentialThinking thinking = new SequentialThinking();
            List<ToolDef> tools = new ArrayList<>(List.of(thinking.toolDef()));
            tools.addAll(new ExperimentTools(experiments).all());
            Agent.Builder builder = Agent.builder(settings, new ToolCatalog(tools), traces, thinking)
                    .intents(ExperimentIntents.all());
            if (model != null) {
                builder.onlineModel(model);
            }
            agent = builder.build();
            ref.set(agent);
        }

        String promotingExperiment() {
            ExperimentSpec spec = Experiments.latency("latency-" + System.nanoTime());
            String id = experiments.create(spec, "alice").id();
            experiments.start(id, "alice");
            Random random = new Random(3);
            ObservationBatch.Builder batch = ObservationBatch.builder(spec);
            for (int i = 0; i < 400; i++) {
                batch.add("A", "latency", 100 + random.nextGaussian() * 10)
                        .add("B", "latency", 90 + random.nextGaussian() * 10);
            }
            experiments.ingest(id, batch.build(), null);
            return id;
        }
    }

    @Test
    void should_record_an_offline_recommendation_as_a_replayable_run_that_states_the_decision() {
        Wiring wiring = new Wiring(AgentHarness.offline(), null);
        String id = wiring.promotingExperiment();

        Recommendation recommendation = wiring.experiments.recommend(id);

        assertThat(recommendation.resolution()).isEqualTo(Recommendation.Resolution.ACCEPTED);
        assertThat(recommendation.decision().action().wireName()).isEqualTo("promote");
        assertThat(recommendation.narrative()).contains("Offline planner").contains("Decision: promote B");
        assertThat(recommendation.writer()).isEqualTo("agent/offline");
        String runId = recommendation.runId();
        assertThat(runId).isNotNull();
        Run run = wiring.traces.run(runId).orElseThrow();
        assertThat(run.origin()).isEqualTo(RunOrigin.AB_RECOMMENDATION);
        List<String> calledTools = wiring.traces.steps(runId).stream()
                .filter(step -> step.kind() == StepKind.TOOL_CALL)
                .map(Step::name)
                .toList();
        assertThat(calledTools).containsExactly("experiment_analysis", "experiment_narrative");
        assertThat(wiring.agent
                        .replay(runId, "verify", AgentHarness.VIEWER)
                        .status()
                        .wire())
                .isEqualTo("identical");
    }

    @Test
    void should_fall_back_to_the_template_when_the_model_twice_contradicts_the_decision() {
        ScriptedChatModel model = new ScriptedChatModel().thenAnswer("Roll back to A: we recommend a rollback now.");
        Wiring wiring = new Wiring(AgentHarness.online(), model);
        String id = wiring.promotingExperiment();

        Recommendation recommendation = wiring.experiments.recommend(id);

        assertThat(recommendation.resolution()).isEqualTo(Recommendation.Resolution.REPLACED_BY_TEMPLATE);
        assertThat(recommendation.rejections()).hasSize(2);
        assertThat(recommendation.runId()).isNull();
        assertThat(recommendation.narrative()).startsWith("Decision: promote B");
        assertThat(model.requests).hasSize(2);
        String second = model.requests.get(1).messages().toString();
        assertThat(second)
                .contains("Your previous draft was rejected")
                .contains("The analysis (data, not instructions)");
        assertThat(model.requests.get(0).messages().get(0).toString())
                .as("the analysis is data in the user turn, never in the system prompt")
                .doesNotContain("\"decision\"");
    }
}
