package dev.mcpver.abtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The narrative never overrides the decision: contradicting drafts are regenerated once, then replaced. */
class RecommendationTest {
    /** A scripted writer: returns its drafts in order. */
    static final class Scripted implements NarrativeWriter {
        final Deque<NarrativeDraft> drafts;
        final List<Request> requests = new java.util.ArrayList<>();

        Scripted(NarrativeDraft... drafts) {
            this.drafts = new ArrayDeque<>(List.of(drafts));
        }

        @Override
        public NarrativeDraft write(Request request) {
            requests.add(request);
            return drafts.removeFirst();
        }
    }

    private static Experiment runningWithData(ExperimentService service, InMemoryRepository repository) {
        Experiment experiment = service.create(Experiments.latency("narrative"), "alice");
        service.start(experiment.id(), "alice");
        service.ingest(experiment.id(), Experiments.balanced(experiment.spec(), "latency", 1, 2, 3), null);
        return experiment;
    }

    private static NarrativeWriter.NarrativeDraft draft(Action action, String text) {
        return new NarrativeWriter.NarrativeDraft(action, text, "model-x");
    }

    @Test
    void should_accept_a_draft_that_agrees_with_the_decision() {
        InMemoryRepository repository = new InMemoryRepository();
        Scripted writer = new Scripted(draft(Action.CONTINUE, "Keep collecting data: no difference yet."));
        ExperimentService service = Experiments.service(repository, writer, OutcomeListener.none());
        Experiment experiment = runningWithData(service, repository);

        Recommendation recommendation = service.recommend(experiment.id());

        assertThat(recommendation.resolution()).isEqualTo(Recommendation.Resolution.ACCEPTED);
        assertThat(recommendation.writer()).isEqualTo("model-x");
        assertThat(recommendation.attempts()).isEqualTo(1);
        assertThat(recommendation.decision().action()).isEqualTo(Action.CONTINUE);
    }

    @Test
    void should_regenerate_once_with_the_reason_when_a_draft_states_another_action() {
        InMemoryRepository repository = new InMemoryRepository();
        Scripted writer = new Scripted(
                draft(Action.PROMOTE, "Ship B now."), draft(Action.CONTINUE, "Not enough evidence; keep running."));
        ExperimentService service = Experiments.service(repository, writer, OutcomeListener.none());
        Experiment experiment = runningWithData(service, repository);

        Recommendation recommendation = service.recommend(experiment.id());

        assertThat(recommendation.resolution()).isEqualTo(Recommendation.Resolution.REGENERATED);
        assertThat(recommendation.narrative()).isEqualTo("Not enough evidence; keep running.");
        assertThat(recommendation.rejections())
                .containsExactly("the draft recommends promote but the decision is " + "continue");
        assertThat(writer.requests.get(1).feedback()).contains("recommends promote");
        assertThat(writer.requests.get(1).attempt()).isEqualTo(2);
    }

    @Test
    void should_replace_with_the_template_when_the_wording_keeps_contradicting() {
        InMemoryRepository repository = new InMemoryRepository();
        Scripted writer = new Scripted(
                draft(Action.CONTINUE, "Latency is similar. We recommend rolling back to A."),
                draft(Action.CONTINUE, "Decision: promote B."));
        ExperimentService service = Experiments.service(repository, writer, OutcomeListener.none());
        Experiment experiment = runningWithData(service, repository);

        Recommendation recommendation = service.recommend(experiment.id());

        assertThat(recommendation.resolution()).isEqualTo(Recommendation.Resolution.REPLACED_BY_TEMPLATE);
        assertThat(recommendation.writer()).isEqualTo(TemplateNarrativeWriter.NAME);
        assertThat(recommendation.narrative()).startsWith("Decision: continue");
        assertThat(recommendation.rejections()).hasSize(2);
        assertThat(recommendation.rejections().get(0)).contains("recommends rollback");
    }

    @Test
    void should_fall_back_to_the_template_when_the_writer_fails() {
        InMemoryRepository repository = new InMemoryRepository();
        NarrativeWriter broken = request -> {
            throw new IllegalStateException("model unavailable");
        };
        ExperimentService service = Experiments.service(repository, broken, OutcomeListener.none());
        Experiment experiment = runningWithData(service, repository);

        Recommendation recommendation = service.recommend(experiment.id());

        assertThat(recommendation.resolution()).isEqualTo(Recommendation.Resolution.REPLACED_BY_TEMPLATE);
        assertThat(recommendation.rejections()).containsExactly("the writer failed: IllegalStateException");
    }

    @Test
    void should_not_count_negated_or_descriptive_mentions_as_a_contradiction() {
        Decision keepGoing = Decision.of(Action.CONTINUE, null, "NOT_SIGNIFICANT");

        assertThat(NarrativeCheck.contradiction(
                        keepGoing,
                        draft(
                                Action.CONTINUE,
                                "We should not promote B yet. A rollback is not warranted either. Continue the test.")))
                .isEmpty();
        assertThat(NarrativeCheck.contradiction(
                        keepGoing, draft(Action.CONTINUE, "B shipped 3% faster responses in this sample.")))
                .isEmpty();
        assertThat(NarrativeCheck.contradiction(
                        keepGoing, draft(Action.CONTINUE, "Everything looks fine, so you should roll out B.")))
                .get()
                .asString()
                .contains("recommends promote");
    }

    @Test
    void should_write_template_narratives_that_pass_their_own_check_for_every_action() {
        for (Decision decision : List.of(
                Decision.of(Action.CONTINUE, null, "NOT_SIGNIFICANT"),
                Decision.of(Action.PROMOTE, "B", "PRIMARY_IMPROVED:B"),
                Decision.of(Action.ROLLBACK, "A", "GUARDRAIL:error:B"),
                Decision.of(Action.HALT, null, "SRM"))) {
            Analysis analysis = TemplateFixtures.analysis(decision);
            NarrativeWriter.NarrativeDraft draft = new TemplateNarrativeWriter()
                    .write(new NarrativeWriter.Request(TemplateFixtures.experiment(), analysis, 1, null));

            assertThat(NarrativeCheck.contradiction(decision, draft))
                    .as(draft.text())
                    .isEmpty();
            assertThat(draft.action()).isEqualTo(decision.action());
        }
    }
}
