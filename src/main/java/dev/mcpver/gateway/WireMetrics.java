package dev.mcpver.gateway;

import com.github.f4b6a3.ulid.UlidCreator;
import dev.mcpver.GatewaySettings;
import dev.mcpver.abtest.ExperimentConflictException;
import dev.mcpver.abtest.ExperimentService;
import dev.mcpver.abtest.IngestOutcome;
import dev.mcpver.abtest.MetricSpec;
import dev.mcpver.abtest.ObservationBatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Metrics on the wire: every {@code tools/call} of a measured session becomes observations of the experiment's
 * metrics — latency in ms, error (1 when the result had {@code isError}, the call failed or timed out) and success
 * (its complement), under the names of {@link GatewaySettings}, plus {@code <metric>.<tool>} when the experiment
 * declares such a per-tool metric. Calls only enqueue; {@link #flush} (run in the background) sends one batch per
 * experiment through the ingestion path, whose automatic decision may stop the experiment. Thread-safe.
 */
public final class WireMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(WireMetrics.class);
    /** Queue length that asks for an early flush. */
    static final int EAGER_FLUSH = 2_000;

    /** One measured call. */
    record Call(String experimentId, String variant, String tool, double latencyMs, boolean failed) {}

    private final ExperimentService experiments;
    private final GatewaySettings settings;
    private final Runnable onStop;
    private final ConcurrentLinkedQueue<Call> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Map<String, Set<String>> metricNames = new ConcurrentHashMap<>();
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong ingested = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile Runnable eager = () -> {};

    /** @param onStop run after a batch stopped its experiment (the gateway re-reads its routes) */
    public WireMetrics(ExperimentService experiments, GatewaySettings settings, Runnable onStop) {
        this.experiments = experiments;
        this.settings = settings;
        this.onStop = onStop;
    }

    /** What to run when the queue grows long (the gateway schedules a flush). */
    void onBacklog(Runnable flushSoon) {
        this.eager = flushSoon;
    }

    void record(Call call) {
        queue.add(call);
        recorded.incrementAndGet();
        if (queued.incrementAndGet() == EAGER_FLUSH) {
            eager.run();
        }
    }

    /** Sends what is queued; returns the number of calls ingested. */
    public synchronized int flush() {
        Map<String, List<Call>> byExperiment = new LinkedHashMap<>();
        for (Call call = queue.poll(); call != null; call = queue.poll()) {
            queued.decrementAndGet();
            byExperiment
                    .computeIfAbsent(call.experimentId(), k -> new ArrayList<>())
                    .add(call);
        }
        int sent = 0;
        for (Map.Entry<String, List<Call>> entry : byExperiment.entrySet()) {
            sent += ingest(entry.getKey(), entry.getValue());
        }
        return sent;
    }

    private int ingest(String experimentId, List<Call> calls) {
        try {
            Set<String> names = metricNames.computeIfAbsent(experimentId, this::namesOf);
            for (int from = 0; from < calls.size(); from += ObservationBatch.MAX_SIZE / 8) {
                List<Call> slice = calls.subList(from, Math.min(calls.size(), from + ObservationBatch.MAX_SIZE / 8));
                IngestOutcome outcome = experiments.ingest(
                        experimentId,
                        batch(experimentId, names, slice),
                        UlidCreator.getMonotonicUlid().toString());
                if (outcome instanceof IngestOutcome.Accepted accepted && accepted.stop() != null) {
                    onStop.run();
                }
            }
            ingested.addAndGet(calls.size());
            return calls.size();
        } catch (ExperimentConflictException e) {
            return drop(experimentId, calls, "the experiment no longer takes observations");
        } catch (RuntimeException e) {
            return drop(experimentId, calls, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private ObservationBatch batch(String experimentId, Set<String> names, List<Call> calls) {
        ObservationBatch.Builder builder = experiments.batchFor(experimentId);
        for (Call call : calls) {
            double error = call.failed() ? 1 : 0;
            add(builder, names, call, settings.latencyMetric(), call.latencyMs());
            add(builder, names, call, settings.errorMetric(), error);
            add(builder, names, call, settings.successMetric(), 1 - error);
        }
        return builder.build();
    }

    private static void add(ObservationBatch.Builder builder, Set<String> names, Call call, String metric, double v) {
        if (names.contains(metric)) {
            builder.add(call.variant(), metric, v);
        }
        String perTool = metric + "." + call.tool();
        if (names.contains(perTool)) {
            builder.add(call.variant(), perTool, v);
        }
    }

    private Set<String> namesOf(String experimentId) {
        Set<String> names = new HashSet<>();
        for (MetricSpec metric : experiments.get(experimentId).spec().metrics()) {
            names.add(metric.name());
        }
        return names;
    }

    private int drop(String experimentId, List<Call> calls, String why) {
        dropped.addAndGet(calls.size());
        LOG.atWarn()
                .addKeyValue("operation", "GATEWAY_METRICS_DROPPED")
                .addKeyValue("experimentId", experimentId)
                .addKeyValue("calls", calls.size())
                .log("{} measured calls of experiment {} not ingested: {}", calls.size(), experimentId, why);
        return 0;
    }

    /** Calls recorded, ingested and dropped so far (status, tests). */
    public Map<String, Long> counters() {
        return Map.of("recorded", recorded.get(), "ingested", ingested.get(), "dropped", dropped.get());
    }
}
