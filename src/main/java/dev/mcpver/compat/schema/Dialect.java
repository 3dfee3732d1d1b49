package dev.mcpver.compat.schema;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** JSON Schema dialects named by {@code $schema}. MCP (2025-11-25 on) means 2020-12 when {@code $schema} is absent. */
public enum Dialect {
    DRAFT_04(true),
    DRAFT_06(true),
    DRAFT_07(true),
    DRAFT_2019_09(false),
    DRAFT_2020_12(false),
    /** A {@code $schema} the engine does not know; read with 2020-12 rules. */
    OTHER(false);

    private final boolean legacyRefs;

    Dialect(boolean legacyRefs) {
        this.legacyRefs = legacyRefs;
    }

    /** Up to draft-07, keywords next to {@code $ref} are ignored. */
    public boolean refOverridesSiblings() {
        return legacyRefs;
    }

    public static Dialect of(@Nullable String schemaUri) {
        if (schemaUri == null) {
            return DRAFT_2020_12;
        }
        String uri = schemaUri.toLowerCase(Locale.ROOT);
        if (uri.contains("draft-04")) {
            return DRAFT_04;
        }
        if (uri.contains("draft-06")) {
            return DRAFT_06;
        }
        if (uri.contains("draft-07")) {
            return DRAFT_07;
        }
        if (uri.contains("2019-09")) {
            return DRAFT_2019_09;
        }
        return uri.contains("2020-12") ? DRAFT_2020_12 : OTHER;
    }
}
