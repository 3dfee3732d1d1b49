/**
 * Version monitoring: health per version (error rate and latency, when a metrics source has observations),
 * adoption per version (when a source knows who runs what), and alerts — version sprawl, deprecated or archived
 * versions still in use, unhealthy or vulnerable production versions. Metrics and adoption come through ports
 * ({@link dev.mcpver.monitoring.VersionMetrics}, {@link dev.mcpver.monitoring.AdoptionSource}) that the A/B and
 * deployment features implement.
 */
@NullMarked
package dev.mcpver.monitoring;

import org.jspecify.annotations.NullMarked;
