package dev.mcpver.compat.schema;

import dev.mcpver.compat.json.JsonValue;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Proves that two schemas share no value (different types, disjoint enumerations, clashing required discriminators). */
final class Disjointness {
    private Disjointness() {}

    static boolean pairwiseDisjoint(List<SchemaNode> nodes) {
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                if (!disjoint(nodes.get(i), nodes.get(j))) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean disjoint(@Nullable SchemaNode a, @Nullable SchemaNode b) {
        if (a instanceof SchemaNode.Never || b instanceof SchemaNode.Never) {
            return true;
        }
        if (!(a instanceof SchemaNode.Shape x) || !(b instanceof SchemaNode.Shape y)) {
            return false;
        }
        if (!x.composition().union().isEmpty() || !y.composition().union().isEmpty()) {
            return false;
        }
        if (x.nullable() && y.nullable()) {
            return false;
        }
        Set<JsonType> common = JsonType.intersect(x.types(), y.types());
        if (common.isEmpty()) {
            return true;
        }
        if (x.enumValues() != null) {
            return x.enumValues().stream().allMatch(v -> Validator.accepts(y, v) == Verdict.NO);
        }
        if (y.enumValues() != null) {
            return y.enumValues().stream().allMatch(v -> Validator.accepts(x, v) == Verdict.NO);
        }
        return common.equals(Set.of(JsonType.OBJECT)) && clashingDiscriminator(x.objects(), y.objects());
    }

    /** A property both require whose schemas are disjoint (e.g. {@code type: {const: "a"}} vs {@code "b"}). */
    private static boolean clashingDiscriminator(SchemaNode.Objects a, SchemaNode.Objects b) {
        for (String name : a.required()) {
            if (b.required().contains(name)
                    && disjoint(Inclusion.propertySchema(a, name), Inclusion.propertySchema(b, name))) {
                return true;
            }
        }
        return false;
    }

    /** The single value a property is pinned to, if any: used to pair union branches by discriminator. */
    static @Nullable JsonValue constant(@Nullable SchemaNode node) {
        if (node instanceof SchemaNode.Shape shape
                && shape.enumValues() != null
                && shape.enumValues().size() == 1) {
            return shape.enumValues().get(0);
        }
        return null;
    }
}
