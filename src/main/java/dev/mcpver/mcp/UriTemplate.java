package dev.mcpver.mcp;

import io.modelcontextprotocol.util.DefaultMcpUriTemplateManager;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Matches concrete URIs against an RFC 6570 level-1 template, for {@link ResourceSource#read}: the same matcher the
 * SDK uses to route {@code resources/read} to a template, so a source never disagrees with the router.
 */
public final class UriTemplate {
    private final String template;
    private final DefaultMcpUriTemplateManager matcher;

    private UriTemplate(String template) {
        this.template = template;
        this.matcher = new DefaultMcpUriTemplateManager(template);
    }

    public static UriTemplate of(String template) {
        return new UriTemplate(template);
    }

    /** The variables of {@code uri}, percent-decoded, or empty when it does not match. */
    public Optional<Map<String, String>> match(String uri) {
        if (!matcher.matches(uri)) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        matcher.extractVariableValues(uri)
                .forEach((name, value) ->
                        values.put(name, URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8)));
        return Optional.of(values);
    }

    @Override
    public String toString() {
        return template;
    }
}
