package dev.mcpver.vuln;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.audit.AuditEvent;
import dev.mcpver.auth.Actor;
import dev.mcpver.registry.Server;
import dev.mcpver.registry.ServerVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports OSV advisories and tells which advisories hit which versions. Thread-safe.
 *
 * <pre>{@code
 * advisories.importDocuments(List.of(osvJson), actor);
 * List<AdvisoryHit> hits = advisories.hits(server, version);
 * }</pre>
 */
public final class AdvisoryService {
    private final AdvisoryStore store;

    public AdvisoryService(AdvisoryStore store) {
        this.store = store;
    }

    /**
     * Imports documents, each an OSV advisory (a JSON array of them counts as several); a bad document is reported
     * and skipped, the others are imported.
     *
     * @param sources where each document came from (file name, {@code body[3]}), for error messages
     */
    public ImportReport importDocuments(Map<String, JsonNode> sources, Actor actor) {
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, OsvAdvisory> entry : parse(sources, errors).entrySet()) {
            OsvAdvisory advisory = entry.getValue();
            Map<String, Object> summary = Map.of(
                    "id",
                    advisory.id(),
                    "modified",
                    String.valueOf(advisory.modified()),
                    "severity",
                    advisory.severity(),
                    "packages",
                    advisory.packageNames());
            AdvisoryStore.Upsert result = store.upsert(
                    advisory, AuditEvent.of(actor, "advisory.import", "advisory", advisory.id(), null, summary));
            switch (result) {
                case INSERTED -> inserted++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }
        return new ImportReport(inserted, updated, unchanged, errors);
    }

    public List<OsvAdvisory> all() {
        return store.all();
    }

    public Optional<OsvAdvisory> find(String id) {
        return store.find(id);
    }

    /** Whether any advisory was ever imported (without any, "no hits" means nothing). */
    public boolean hasAdvisories() {
        return store.count() > 0;
    }

    /** Advisories hitting this version's own packages or its dependencies. */
    public List<AdvisoryHit> hits(Server server, ServerVersion version) {
        Set<String> names = new LinkedHashSet<>(server.spec().packageNames());
        names.addAll(version.dependencies().keySet());
        List<AdvisoryHit> hits = new ArrayList<>();
        for (OsvAdvisory advisory : store.affecting(names)) {
            hits.addAll(OsvMatcher.match(advisory, server.spec().packageNames(), version.parsed()));
            version.dependencies().forEach((name, range) -> hits.addAll(OsvMatcher.match(advisory, name, range)));
        }
        return hits;
    }

    private static Map<String, OsvAdvisory> parse(Map<String, JsonNode> sources, List<String> errors) {
        Map<String, OsvAdvisory> parsed = new LinkedHashMap<>();
        sources.forEach((source, doc) -> {
            List<JsonNode> items = new ArrayList<>();
            if (doc.isArray()) {
                doc.forEach(items::add);
            } else {
                items.add(doc);
            }
            for (int i = 0; i < items.size(); i++) {
                String where = doc.isArray() ? source + "[" + i + "]" : source;
                try {
                    OsvAdvisory advisory = OsvParser.parse(items.get(i));
                    parsed.put(advisory.id(), advisory);
                } catch (IllegalArgumentException e) {
                    errors.add(where + ": " + e.getMessage());
                }
            }
        });
        return parsed;
    }
}
