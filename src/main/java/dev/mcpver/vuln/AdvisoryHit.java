package dev.mcpver.vuln;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An advisory that hits a version, directly or through a dependency.
 *
 * @param advisoryId the OSV id
 * @param summary its summary
 * @param severity critical, high, moderate, low or unknown
 * @param packageName the affected package
 * @param ecosystem its ecosystem according to the advisory
 * @param via {@code version} (the server's own package at this version) or {@code dependency}
 * @param subject the version, or {@code name@range} of the dependency
 * @param fixedIn versions where the advisory says it is fixed
 * @param rangeAdmitsFix for a dependency: whether its range already allows a fixed version (then updating the
 *     lockfile is enough; otherwise the range must change); null for a direct hit
 */
public record AdvisoryHit(
        @JsonProperty("advisoryId") String advisoryId,
        @JsonProperty("summary") String summary,
        @JsonProperty("severity") String severity,
        @JsonProperty("packageName") String packageName,
        @JsonProperty("ecosystem") String ecosystem,
        @JsonProperty("via") String via,
        @JsonProperty("subject") String subject,
        @JsonProperty("fixedIn") List<String> fixedIn,
        @JsonProperty("rangeAdmitsFix") @Nullable Boolean rangeAdmitsFix) {
    public AdvisoryHit {
        fixedIn = List.copyOf(fixedIn);
    }
}
