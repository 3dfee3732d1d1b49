package dev.mcpver.vuln;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads OSV JSON documents (schema 1.x); a malformed document is refused with the field that is wrong. */
public final class OsvParser {
    private static final List<String> EVENT_KINDS = List.of("introduced", "fixed", "last_affected", "limit");
    private static final Map<String, String> SEVERITIES =
            Map.of("critical", "critical", "high", "high", "moderate", "moderate", "medium", "moderate", "low", "low");

    private OsvParser() {}

    public static OsvAdvisory parse(JsonNode doc) {
        if (!doc.isObject()) {
            throw new IllegalArgumentException("an OSV advisory is a JSON object");
        }
        String id = doc.path("id").asText("");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id: an OSV advisory needs an id");
        }
        List<OsvAdvisory.Affected> affected = new ArrayList<>();
        for (JsonNode entry : doc.path("affected")) {
            affected.add(affected(id, entry));
        }
        List<String> aliases = new ArrayList<>();
        doc.path("aliases").forEach(alias -> aliases.add(alias.asText()));
        String modified = doc.hasNonNull("modified") ? doc.get("modified").asText() : null;
        return new OsvAdvisory(id, summary(doc), severity(doc), modified, aliases, affected, doc);
    }

    private static String summary(JsonNode doc) {
        String summary = doc.path("summary").asText("");
        if (summary.isBlank()) {
            summary = doc.path("details").asText("").lines().findFirst().orElse("");
        }
        return summary.length() > 500 ? summary.substring(0, 500) : summary;
    }

    private static OsvAdvisory.Affected affected(String id, JsonNode entry) {
        JsonNode pkg = entry.path("package");
        String name = pkg.path("name").asText("");
        if (name.isBlank()) {
            throw new IllegalArgumentException(id + ": affected[].package.name is required");
        }
        List<OsvAdvisory.OsvRange> ranges = new ArrayList<>();
        for (JsonNode range : entry.path("ranges")) {
            ranges.add(range(id, range));
        }
        List<String> versions = new ArrayList<>();
        entry.path("versions").forEach(v -> versions.add(v.asText()));
        return new OsvAdvisory.Affected(pkg.path("ecosystem").asText(""), name, ranges, versions);
    }

    private static OsvAdvisory.OsvRange range(String id, JsonNode range) {
        String type = range.path("type").asText("");
        if (!List.of("SEMVER", "ECOSYSTEM", "GIT").contains(type)) {
            throw new IllegalArgumentException(id + ": affected[].ranges[].type must be SEMVER, ECOSYSTEM or GIT");
        }
        List<OsvAdvisory.Event> events = new ArrayList<>();
        for (JsonNode event : range.path("events")) {
            String kind = event.fieldNames().hasNext() ? event.fieldNames().next() : "";
            if (!EVENT_KINDS.contains(kind) || !event.get(kind).isTextual()) {
                throw new IllegalArgumentException(id + ": a range event is one of " + EVENT_KINDS + " with a version");
            }
            events.add(new OsvAdvisory.Event(kind, event.get(kind).asText()));
        }
        return new OsvAdvisory.OsvRange(type, events);
    }

    /** GitHub's {@code database_specific.severity}, else a numeric CVSS score in {@code severity[]}, else unknown. */
    private static String severity(JsonNode doc) {
        String named = doc.path("database_specific").path("severity").asText("").toLowerCase(Locale.ROOT);
        if (SEVERITIES.containsKey(named)) {
            return SEVERITIES.get(named);
        }
        for (JsonNode entry : doc.path("severity")) {
            try {
                return fromScore(Double.parseDouble(entry.path("score").asText()));
            } catch (NumberFormatException ignored) {
                // a CVSS vector, not a score: computing the base score is out of scope
            }
        }
        return "unknown";
    }

    private static String fromScore(double score) {
        if (score >= 9.0) {
            return "critical";
        }
        if (score >= 7.0) {
            return "high";
        }
        return score >= 4.0 ? "moderate" : "low";
    }
}
