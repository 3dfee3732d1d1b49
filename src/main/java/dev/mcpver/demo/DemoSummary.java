package dev.mcpver.demo;

import java.util.List;

/**
 * What the demo loader created.
 *
 * @param servers servers registered
 * @param versions versions registered across them
 * @param refusedPromotions promotions the gates refused, as "server version → stage: reason" (on purpose: the demo
 *     shows a failing gate report)
 * @param experimentId the running A/B experiment
 * @param conversations agent conversations imported
 */
public record DemoSummary(
        int servers, int versions, List<String> refusedPromotions, String experimentId, int conversations) {
    public DemoSummary {
        refusedPromotions = List.copyOf(refusedPromotions);
    }

    /** One line for the console. */
    public String describe() {
        return "Demo data loaded: " + servers + " servers with " + versions + " versions, 1 A/B experiment, "
                + conversations + " agent conversations.";
    }
}
