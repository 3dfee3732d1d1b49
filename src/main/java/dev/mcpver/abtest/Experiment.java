package dev.mcpver.abtest;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stored experiment.
 *
 * @param id ULID
 * @param spec its definition (weights as they are now)
 * @param status draft, running, paused or stopped
 * @param salt random per experiment; with the unit id it picks the assignment bucket
 * @param allocation which buckets each variant owns
 * @param createdBy subject of the operator who created it
 * @param createdAt when
 * @param startedAt first start, if any
 * @param stop set once stopped
 * @param proposal the latest promote decision awaiting an operator (auto-promote off), if any
 */
public record Experiment(
        String id,
        ExperimentSpec spec,
        ExperimentStatus status,
        String salt,
        Allocation allocation,
        String createdBy,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable StopRecord stop,
        @Nullable Decision proposal) {
    public Experiment {
        Objects.requireNonNull(spec, "spec");
        if ((status == ExperimentStatus.STOPPED) != (stop != null)) {
            throw new IllegalArgumentException("a stopped experiment, and only one, carries a stop record");
        }
        if (!allocation
                .ranges()
                .keySet()
                .equals(new java.util.LinkedHashSet<>(
                        spec.variants().stream().map(VariantSpec::key).toList()))) {
            throw new IllegalArgumentException("the allocation must cover exactly the experiment's variants");
        }
    }

    public Experiment withStatus(ExperimentStatus next, Instant at) {
        Instant started = next == ExperimentStatus.RUNNING && startedAt == null ? at : startedAt;
        return new Experiment(id, spec, next, salt, allocation, createdBy, createdAt, started, stop, proposal);
    }

    public Experiment stopped(StopRecord record) {
        return new Experiment(
                id, spec, ExperimentStatus.STOPPED, salt, allocation, createdBy, createdAt, startedAt, record, null);
    }

    public Experiment withProposal(@Nullable Decision newProposal) {
        return new Experiment(id, spec, status, salt, allocation, createdBy, createdAt, startedAt, stop, newProposal);
    }

    public Experiment withWeights(ExperimentSpec newSpec, Allocation newAllocation) {
        return new Experiment(
                id, newSpec, status, salt, newAllocation, createdBy, createdAt, startedAt, stop, proposal);
    }
}
