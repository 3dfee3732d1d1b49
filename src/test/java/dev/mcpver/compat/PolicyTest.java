package dev.mcpver.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PolicyTest {
    private static final Surface OLD = Surfaces.surface(
            "{'server':{'version':'1.0.0'},'tools':[{'name':'t','description':'a',"
                    + "'annotations':{'readOnlyHint':true},'inputSchema':{'type':'object','properties':{'s':{'type':'string','pattern':'a'}}}}]}");
    private static final Surface NEW = Surfaces.surface(
            "{'server':{'version':'1.1.0'},'tools':[{'name':'t','description':'b',"
                    + "'annotations':{'readOnlyHint':false},'inputSchema':{'type':'object','properties':{'s':{'type':'string','pattern':'b'}}}}]}");

    private static CompatReport analyze(String policy) {
        return new CompatAnalyzer().analyze(OLD, NEW, Policy.parse(Surfaces.json(policy), "/policy"));
    }

    @Test
    void should_judge_with_the_catalogue_defaults_without_a_policy() {
        CompatReport report = analyze("{}");

        assertThat(report.requiredBump()).isEqualTo(Bump.MINOR);
        assertThat(report.counts().potentiallyBreaking()).isEqualTo(3); // pattern, read-only off, and so destructive on
    }

    @Test
    void should_raise_a_rule_to_breaking_and_switch_another_off() {
        CompatReport report =
                analyze("{'rules':{'tool-input-pattern-changed':'breaking','tool-description-changed':'off'}}");

        assertThat(report.requiredBump()).isEqualTo(Bump.MAJOR);
        assertThat(report.changes()).noneMatch(c -> c.rule() == Rule.TOOL_DESCRIPTION_CHANGED);
    }

    @Test
    void should_count_potentially_breaking_as_major_in_strict_mode() {
        assertThat(analyze("{'strict':true}").requiredBump()).isEqualTo(Bump.MAJOR);
    }

    @Test
    void should_keep_only_wire_changes_with_the_wire_consumer_filter() {
        CompatReport report = analyze("{'consumers':'wire'}");

        assertThat(report.changes()).allMatch(c -> c.consumer() == Consumer.WIRE);
        assertThat(report.changes()).extracting(c -> c.rule().id()).containsExactly("tool-input-pattern-changed");
    }

    @Test
    void should_apply_a_reviewer_verdict_on_one_target_and_an_explicit_bump() {
        CompatReport report = analyze("{'targets':{'tools/t#description':'breaking'},"
                + "'rules':{'tool-annotation-readonly-turned-off':{'bump':'patch'}}}");

        assertThat(report.changes())
                .filteredOn(c -> c.target().equals("tools/t#description"))
                .allMatch(c -> c.level() == Level.BREAKING && c.bump() == Bump.MAJOR);
        assertThat(report.changes())
                .filteredOn(c -> c.rule() == Rule.TOOL_ANNOTATION_READONLY_TURNED_OFF)
                .allMatch(c -> c.bump() == Bump.PATCH);
    }

    @Test
    void should_name_the_json_pointer_of_a_bad_policy() {
        assertThatThrownBy(() -> Policy.parse(Surfaces.json("{'rules':{'nope':'breaking'}}"), "/policy"))
                .hasMessage("/policy/rules/nope: unknown rule id 'nope'");
        assertThatThrownBy(() -> Policy.parse(Surfaces.json("{'rules':{'tool-removed':'fatal'}}"), "/policy"))
                .hasMessageStartingWith("/policy/rules/tool-removed: expected breaking");
        assertThatThrownBy(() -> Policy.parse(Surfaces.json("{'consumers':'all-of-them'}"), "/policy"))
                .hasMessageStartingWith("/policy/consumers:");
        assertThatThrownBy(() -> Policy.parse(Surfaces.json("{'strict':'yes'}"), "/policy"))
                .hasMessage("/policy/strict: expected true or false, found string");
    }

    @Test
    void should_echo_itself_canonically() {
        Policy policy = Policy.parse(Surfaces.json("{'strict':true,'rules':{'tool-removed':'off'}}"), "");

        assertThat(dev.mcpver.compat.json.JsonWriter.compact(policy.toJson()))
                .isEqualTo(
                        "{\"consumers\":\"all\",\"strict\":true,\"rules\":{\"tool-removed\":\"off\"},\"targets\":{},\"renames\":{}}");
    }
}
