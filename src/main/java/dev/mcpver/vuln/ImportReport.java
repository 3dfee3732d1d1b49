package dev.mcpver.vuln;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The outcome of importing OSV documents.
 *
 * @param inserted new advisories
 * @param updated advisories replaced by a newer copy
 * @param unchanged advisories already stored as given
 * @param errors documents refused, each with where it came from and why
 */
public record ImportReport(
        @JsonProperty("inserted") int inserted,
        @JsonProperty("updated") int updated,
        @JsonProperty("unchanged") int unchanged,
        @JsonProperty("errors") List<String> errors) {
    public ImportReport {
        errors = List.copyOf(errors);
    }
}
