package dev.mcpver.compat.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.compat.Surfaces;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InclusionTest {
    private static SchemaNode canonical(String schema) {
        return Canonicalizer.canonicalize(Surfaces.json(schema)).root();
    }

    @ParameterizedTest(name = "{0} ⊆ {1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{'type':'integer'}|{'type':'number'}|YES",
                "{'type':'number'}|{'type':'integer'}|NO",
                "{'type':'string','maxLength':3}|{'type':'string','maxLength':5}|YES",
                "{'type':'string'}|{'type':'string','minLength':1}|NO",
                "{'enum':['a','b']}|{'type':'string','maxLength':1}|YES",
                "{'type':'string','pattern':'^a'}|{'type':'string','pattern':'^[ab]'}|UNKNOWN",
                "{'type':'string'}|{'type':'string','pattern':'^a'}|NO",
                "{'type':'object','properties':{'p':{'type':'string'}},'required':['p']}|{'anyOf':[{'type':'object','properties':{'p':{'type':'string'}},'required':['p']},{'type':'object','required':['q']}]}|YES",
                "{'anyOf':[{'type':'string'},{'type':'object'}]}|{'type':['string','object','null']}|YES",
                "{'type':'object','properties':{'a':{'type':'integer'}}}|{'type':'object','properties':{'a':{'type':'number'}},'additionalProperties':false}|NO",
                "{'type':'object','properties':{'a':{'type':'integer'}},'additionalProperties':false}|{'type':'object','properties':{'a':{'type':'number'}}}|YES",
                "{'type':'array','items':{'type':'integer'},'maxItems':2}|{'type':'array','items':{'type':'number'}}|YES",
                "{'type':'array'}|{'type':'array','uniqueItems':true}|NO",
                "{'type':'integer','minimum':1,'maximum':5}|{'type':'integer','minimum':0}|YES",
                "{'type':'integer','multipleOf':4}|{'type':'integer','multipleOf':2}|YES",
                "{'type':'string'}|{'not':{'type':'number'}}|YES",
                "{'type':['string','null']}|{'type':'string'}|NO"
            })
    void should_decide_inclusion_or_say_it_cannot(String sub, String sup, Verdict expected) {
        assertThat(Inclusion.check(canonical(sub), canonical(sup))).isEqualTo(expected);
    }
}
