package dev.mcpver.abtest;

/**
 * The variant a unit is routed to.
 *
 * @param experimentId the experiment
 * @param unit the session or client id
 * @param variant the variant key
 * @param version the MCP server version of that variant
 * @param bucket the unit's bucket in {@code [0, 1 000 000)}
 * @param firstExposure true when this call counted the unit (once per unit)
 */
public record Assignment(
        String experimentId, String unit, String variant, String version, int bucket, boolean firstExposure) {}
