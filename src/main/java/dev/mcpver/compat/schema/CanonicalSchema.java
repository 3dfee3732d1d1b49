package dev.mcpver.compat.schema;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A schema after canonicalisation.
 *
 * @param root the canonical tree
 * @param dialectUri the root's {@code $schema}, verbatim, or null when absent
 * @param problems structural errors (wrong keyword types, unresolvable references), each naming its JSON pointer
 * @param usesRefs whether local references were inlined
 */
public record CanonicalSchema(SchemaNode root, @Nullable String dialectUri, List<String> problems, boolean usesRefs) {
    public CanonicalSchema {
        problems = List.copyOf(problems);
    }

    public Dialect dialect() {
        return Dialect.of(dialectUri);
    }
}
