package dev.mcpver.vuln;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An OSV advisory, reduced to what matching needs; {@code raw} keeps the whole document.
 *
 * @param id OSV id ({@code GHSA-…}, {@code CVE-…}, {@code PYSEC-…})
 * @param summary one line
 * @param severity {@code critical}, {@code high}, {@code moderate}, {@code low} or {@code unknown}
 * @param modified when the source last changed it (RFC 3339), if given
 * @param aliases other ids of the same vulnerability
 * @param affected the affected packages
 * @param raw the imported document
 */
public record OsvAdvisory(
        @JsonProperty("id") String id,
        @JsonProperty("summary") String summary,
        @JsonProperty("severity") String severity,
        @JsonProperty("modified") @Nullable String modified,
        @JsonProperty("aliases") List<String> aliases,
        @JsonProperty("affected") List<Affected> affected,
        @JsonIgnore JsonNode raw) {
    public OsvAdvisory {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id: an OSV advisory needs an id");
        }
        aliases = List.copyOf(aliases);
        affected = List.copyOf(affected);
    }

    /** Package names it affects, lower-cased for lookups. */
    public List<String> packageNames() {
        return affected.stream()
                .map(a -> a.name().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
    }

    /**
     * One affected package.
     *
     * @param ecosystem {@code npm}, {@code PyPI}, … (reported, not matched: dependencies carry no ecosystem)
     * @param name the package name
     * @param ranges affected ranges
     * @param versions explicitly affected versions
     */
    public record Affected(
            @JsonProperty("ecosystem") String ecosystem,
            @JsonProperty("name") String name,
            @JsonProperty("ranges") List<OsvRange> ranges,
            @JsonProperty("versions") List<String> versions) {
        public Affected {
            ranges = List.copyOf(ranges);
            versions = List.copyOf(versions);
        }
    }

    /**
     * An affected range: a type and its events in any order.
     *
     * @param type {@code SEMVER}, {@code ECOSYSTEM} or {@code GIT}
     * @param events {@code introduced}/{@code fixed}/{@code last_affected}/{@code limit} events
     */
    public record OsvRange(
            @JsonProperty("type") String type,
            @JsonProperty("events") List<Event> events) {
        public OsvRange {
            events = List.copyOf(events);
        }
    }

    /**
     * One range event.
     *
     * @param kind {@code introduced}, {@code fixed}, {@code last_affected} or {@code limit}
     * @param version the version it happens at ({@code "0"} for "from the beginning")
     */
    public record Event(
            @JsonProperty("kind") String kind,
            @JsonProperty("version") String version) {}
}
