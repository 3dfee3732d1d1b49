package dev.mcpver.mcp;

import dev.mcpver.auth.Role;
import java.util.regex.Pattern;

/**
 * One resource or resource template as listed to MCP clients.
 *
 * @param uri a URI ({@code mcpver://catalog}) or, for templates, an RFC 6570 level-1 template
 *     ({@code mcpver://runs/{id}/trace})
 * @param name programmatic id, unique within mcpver
 * @param title human-readable name
 * @param description what the content is, for a model deciding whether to read it
 * @param mimeType of the content ({@code application/json}, {@code text/markdown})
 * @param requiredRole the least role that may read it
 */
public record ResourceDescriptor(
        String uri, String name, String title, String description, String mimeType, Role requiredRole) {
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*://.+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public ResourceDescriptor {
        if (!SCHEME.matcher(uri).matches()) {
            throw new IllegalArgumentException("resource uri needs a scheme, e.g. mcpver://…: " + uri);
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("resource name must match [A-Za-z0-9_.-]{1,64}: " + name);
        }
        if (title.isBlank() || description.isBlank() || mimeType.isBlank()) {
            throw new IllegalArgumentException("resource " + name + " needs a title, a description and a MIME type");
        }
    }

    /** A JSON resource. */
    public static ResourceDescriptor json(String uri, String name, String title, String description, Role role) {
        return new ResourceDescriptor(uri, name, title, description, ResourceContent.JSON, role);
    }
}
