package dev.mcpver.abtest;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The life of an experiment: {@code draft → running ⇄ paused → stopped}. Observations are accepted only while
 * running; stopped is final.
 */
public enum ExperimentStatus {
    DRAFT,
    RUNNING,
    PAUSED,
    STOPPED;

    /** The states this one may move to. */
    public Set<ExperimentStatus> allowedNext() {
        switch (this) {
            case DRAFT:
                return EnumSet.of(RUNNING, STOPPED);
            case RUNNING:
                return EnumSet.of(PAUSED, STOPPED);
            case PAUSED:
                return EnumSet.of(RUNNING, STOPPED);
            default:
                return EnumSet.noneOf(ExperimentStatus.class);
        }
    }

    public boolean mayMoveTo(ExperimentStatus next) {
        return allowedNext().contains(next);
    }

    public String wireName() {
        return Wire.name(this);
    }

    public static Optional<ExperimentStatus> fromWire(String text) {
        return Wire.parse(ExperimentStatus.class, text);
    }
}
