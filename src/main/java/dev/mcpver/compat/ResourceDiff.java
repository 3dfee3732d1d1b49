package dev.mcpver.compat;

import dev.mcpver.compat.json.JsonObjectBuilder;
import dev.mcpver.compat.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Listed resources (by URI) and resource templates (by URI template, then by name). */
final class ResourceDiff {
    private ResourceDiff() {}

    static void resources(
            Surface.Listing<Surface.Resource> before, Surface.Listing<Surface.Resource> after, Findings findings) {
        if (!before.known() || !after.known()) {
            return;
        }
        Map<String, Surface.Resource> now = SurfaceDiff.byName(after.items(), Surface.Resource::uri);
        Set<String> old = new HashSet<>();
        for (Surface.Resource resource : before.items()) {
            old.add(resource.uri());
            Surface.Resource same = now.get(resource.uri());
            String target = Targets.resource(resource.uri());
            if (same == null) {
                findings.add(
                        Rule.RESOURCE_REMOVED,
                        target,
                        JsonValue.of(resource.uri()),
                        null,
                        "Resource " + resource.uri() + " is no longer listed; clients that pinned its URI may fail.");
                continue;
            }
            mimeType(Rule.RESOURCE_MIME_TYPE_CHANGED, resource.mimeType(), same.mimeType(), target, findings);
            metadata(target, "Resource " + resource.uri(), resourceFields(resource), resourceFields(same), findings);
        }
        for (Surface.Resource resource : after.items()) {
            if (!old.contains(resource.uri())) {
                findings.add(
                        Rule.RESOURCE_ADDED,
                        Targets.resource(resource.uri()),
                        null,
                        JsonValue.of(resource.uri()),
                        "Resource " + resource.uri() + " was added.");
            }
        }
    }

    static void templates(
            Surface.Listing<Surface.ResourceTemplate> before,
            Surface.Listing<Surface.ResourceTemplate> after,
            Findings findings) {
        if (!before.known() || !after.known()) {
            return;
        }
        Map<String, Surface.ResourceTemplate> now =
                SurfaceDiff.byName(after.items(), Surface.ResourceTemplate::uriTemplate);
        Map<String, Surface.ResourceTemplate> unmatchedNew = new LinkedHashMap<>(now);
        List<Surface.ResourceTemplate> unmatchedOld = new ArrayList<>();
        for (Surface.ResourceTemplate template : before.items()) {
            Surface.ResourceTemplate same = now.get(template.uriTemplate());
            if (same == null) {
                unmatchedOld.add(template);
            } else {
                unmatchedNew.remove(template.uriTemplate());
                sameTemplate(template, same, findings);
            }
        }
        for (Surface.ResourceTemplate template : unmatchedOld) {
            Surface.ResourceTemplate byName = template.name() == null
                    ? null
                    : unmatchedNew.values().stream()
                            .filter(t -> template.name().equals(t.name()))
                            .findFirst()
                            .orElse(null);
            if (byName != null) {
                unmatchedNew.remove(byName.uriTemplate());
                moved(template, byName, findings);
                sameTemplate(template, byName, findings);
            } else {
                findings.add(
                        Rule.RESOURCE_TEMPLATE_REMOVED,
                        Targets.template(template.uriTemplate()),
                        JsonValue.of(template.uriTemplate()),
                        null,
                        "Resource template " + template.uriTemplate()
                                + " was removed; URIs built from it stop resolving.");
            }
        }
        for (Surface.ResourceTemplate template : unmatchedNew.values()) {
            findings.add(
                    Rule.RESOURCE_TEMPLATE_ADDED,
                    Targets.template(template.uriTemplate()),
                    null,
                    JsonValue.of(template.uriTemplate()),
                    "Resource template " + template.uriTemplate() + " was added.");
        }
    }

    private static void moved(Surface.ResourceTemplate a, Surface.ResourceTemplate b, Findings findings) {
        UriTemplate x = UriTemplate.parse(a.uriTemplate());
        UriTemplate y = UriTemplate.parse(b.uriTemplate());
        String target = Targets.template(a.uriTemplate());
        if (x.shape().equals(y.shape())) {
            findings.add(
                    Rule.RESOURCE_TEMPLATE_VARIABLE_RENAMED,
                    target,
                    JsonValue.of(a.uriTemplate()),
                    JsonValue.of(b.uriTemplate()),
                    "Resource template '" + b.name()
                            + "' renamed its variables only; URIs are identical but completion requests name the variables.");
        } else {
            findings.add(
                    Rule.RESOURCE_TEMPLATE_URI_CHANGED,
                    target,
                    JsonValue.of(a.uriTemplate()),
                    JsonValue.of(b.uriTemplate()),
                    "Resource template '" + b.name() + "' expands to different URIs (" + a.uriTemplate() + " → "
                            + b.uriTemplate() + ").");
        }
    }

    private static void sameTemplate(Surface.ResourceTemplate a, Surface.ResourceTemplate b, Findings findings) {
        String target = Targets.template(a.uriTemplate());
        mimeType(Rule.RESOURCE_TEMPLATE_MIME_TYPE_CHANGED, a.mimeType(), b.mimeType(), target, findings);
        metadata(target, "Resource template " + a.uriTemplate(), templateFields(a), templateFields(b), findings);
    }

    private static void mimeType(Rule rule, @Nullable String a, @Nullable String b, String target, Findings findings) {
        if (!Objects.equals(a, b)) {
            findings.addText(
                    rule, target, a, b, "mimeType changed from " + a + " to " + b + "; consumers parse by type.");
        }
    }

    private static Map<String, JsonValue> resourceFields(Surface.Resource r) {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        put(fields, "name", PromptDiff.str(r.name()));
        put(fields, "title", PromptDiff.str(r.title()));
        put(fields, "description", PromptDiff.str(r.description()));
        put(fields, "size", r.size());
        put(fields, "annotations", r.annotations());
        put(fields, "icons", r.icons());
        put(fields, "_meta", r.meta());
        return fields;
    }

    private static Map<String, JsonValue> templateFields(Surface.ResourceTemplate r) {
        Map<String, JsonValue> fields = new LinkedHashMap<>();
        put(fields, "name", PromptDiff.str(r.name()));
        put(fields, "title", PromptDiff.str(r.title()));
        put(fields, "description", PromptDiff.str(r.description()));
        put(fields, "annotations", r.annotations());
        put(fields, "icons", r.icons());
        put(fields, "_meta", r.meta());
        return fields;
    }

    private static void put(Map<String, JsonValue> fields, String name, @Nullable JsonValue value) {
        fields.put(name, value == null ? JsonValue.NULL : value);
    }

    private static void metadata(
            String target, String what, Map<String, JsonValue> a, Map<String, JsonValue> b, Findings findings) {
        List<String> changed = new ArrayList<>();
        JsonObjectBuilder x = JsonObjectBuilder.object();
        JsonObjectBuilder y = JsonObjectBuilder.object();
        for (String field : a.keySet()) {
            PromptDiff.field(field, a.get(field), b.get(field), changed, x, y);
        }
        if (!changed.isEmpty()) {
            findings.add(
                    Rule.RESOURCE_METADATA_CHANGED,
                    target,
                    x.build(),
                    y.build(),
                    what + ": " + String.join(", ", changed) + " changed.");
        }
    }
}
