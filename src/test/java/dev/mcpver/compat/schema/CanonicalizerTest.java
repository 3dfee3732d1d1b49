package dev.mcpver.compat.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.compat.Surfaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalizerTest {
    private static SchemaNode canonical(String schema) {
        return Canonicalizer.canonicalize(Surfaces.json(schema)).root();
    }

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{'type':['string','null']}|{'type':'string','nullable':true}",
                "{'type':['string','null']}|{'anyOf':[{'type':'string'},{'type':'null'}]}",
                "{'type':['string','null']}|{'oneOf':[{'type':'null'},{'type':'string'}]}",
                "{'type':'object','required':[],'additionalProperties':true}|{'type':'object'}",
                "{'type':'string','minLength':0}|{'type':'string'}",
                "{'type':'integer','maximum':9007199254740991,'minimum':-9007199254740991}|{'type':'integer'}",
                "{'type':'integer','exclusiveMinimum':0}|{'type':'integer','minimum':1}",
                "{'type':'number','minimum':0,'exclusiveMinimum':true}|{'type':'number','exclusiveMinimum':0}",
                "{'const':'v'}|{'enum':['v']}",
                "{'type':'string','enum':['a','b']}|{'enum':['b','a','a']}",
                "{'type':['number','integer']}|{'type':'number'}",
                "{'anyOf':[{'type':'string'},{'type':'number'}]}|{'type':['number','string']}",
                "{'type':'array','items':[{'type':'string'}],'additionalItems':false}|{'type':'array','prefixItems':[{'type':'string'}],'items':false}",
                "{'properties':{'a':{'$ref':'#/$defs/A'}},'$defs':{'A':{'type':'string'}}}|{'properties':{'a':{'type':'string'}}}",
                "{'properties':{'a':{'$ref':'#/definitions/A'}},'definitions':{'A':{'type':'string'}}}|{'properties':{'a':{'type':'string'}}}",
                "{'allOf':[{'type':'object'},{'properties':{'a':{'type':'string'}}},{'description':'x'}]}|{'type':'object','properties':{'a':{'type':'string'}}}",
                "{'type':'integer','minLength':3}|{'type':'integer'}",
                "{'oneOf':[{'type':'string'},{'type':'number'}]}|{'anyOf':[{'type':'string'},{'type':'number'}]}",
                "{'not':{}}|false",
                "{'title':'x','description':'y','examples':[1]}|true"
            })
    void should_canonicalise_representation_variants_to_the_same_schema(String a, String b) {
        assertThat(canonical(a)).isEqualTo(canonical(b));
    }

    @Test
    void should_keep_draft_07_ref_siblings_out_and_2020_12_ones_in() {
        String defs = ",'$defs':{'A':{'type':'string'}}";
        SchemaNode draft7 = canonical(
                "{'$schema':'http://json-schema.org/draft-07/schema#','properties':{'a':{'$ref':'#/$defs/A','maxLength':3}}"
                        + defs + "}");
        SchemaNode modern = canonical("{'properties':{'a':{'$ref':'#/$defs/A','maxLength':3}}" + defs + "}");

        assertThat(((SchemaNode.Shape) draft7).objects().properties().get("a"))
                .isEqualTo(canonical("{'type':'string'}"));
        assertThat(((SchemaNode.Shape) modern).objects().properties().get("a"))
                .isEqualTo(canonical("{'type':'string','maxLength':3}"));
    }

    @Test
    void should_stop_at_recursion_and_model_external_references_as_unknown() {
        SchemaNode tree = canonical(
                "{'$ref':'#/$defs/N','$defs':{'N':{'type':'object','properties':{'kids':{'type':'array','items':{'$ref':'#/$defs/N'}}}}}}");
        SchemaNode external = canonical("{'properties':{'a':{'$ref':'https://example.com/a.json'}}}");

        SchemaNode.Shape node = (SchemaNode.Shape) tree;
        assertThat(((SchemaNode.Shape) node.objects().properties().get("kids"))
                        .arrays()
                        .items())
                .isInstanceOf(SchemaNode.Recursive.class);
        assertThat(((SchemaNode.Shape) external).objects().properties().get("a"))
                .isInstanceOf(SchemaNode.Unknown.class);
    }

    @Test
    void should_list_structural_problems_with_their_json_pointer() {
        CanonicalSchema schema = Canonicalizer.canonicalize(
                Surfaces.json(
                        "{'type':'object','properties':{'a':{'type':'strin'},'b':{'minimum':'3'}},'required':'a','$ref':'#/nowhere'}"));

        assertThat(schema.problems())
                .contains(
                        "/properties/a/type: unknown type 'strin'",
                        "/properties/b/minimum: minimum must be a number",
                        "/: $ref #/nowhere does not resolve");
    }
}
