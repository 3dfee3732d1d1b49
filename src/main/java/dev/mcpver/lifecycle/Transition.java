package dev.mcpver.lifecycle;

import dev.mcpver.auth.Role;

/**
 * One allowed move of the lifecycle.
 *
 * @param from the stage a version is in
 * @param to the stage it may move to
 * @param role the least role that may make the move
 * @param gated the move runs the promotion gates first and happens only if they pass
 */
public record Transition(Stage from, Stage to, Role role, boolean gated) {
    public Transition {
        if (from == to) {
            throw new IllegalArgumentException("a transition changes the stage: " + from);
        }
    }
}
