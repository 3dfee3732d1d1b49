package dev.mcpver.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptLibraryTest {
    @Test
    void should_load_the_shipped_templates_from_the_classpath_and_the_repository_folder_alike() {
        PromptLibrary packaged = PromptLibrary.fromClasspath();
        PromptLibrary source = PromptLibrary.fromDirectory(Path.of("prompts/templates"));

        assertThat(packaged.templates()).extracting(PromptTemplate::name).contains("plan_upgrade", "review_release");
        assertThat(packaged.templates()).isEqualTo(source.templates());
    }

    @Test
    void should_render_every_shipped_template_with_its_required_arguments() {
        for (PromptTemplate template : PromptLibrary.fromClasspath().templates()) {
            Map<String, String> values = new java.util.HashMap<>();
            template.arguments().stream()
                    .filter(PromptTemplate.Argument::required)
                    .forEach(a -> values.put(a.name(), "X"));

            assertThat(template.render(values)).as(template.name()).doesNotContain("{{");
        }
    }

    @Test
    void should_substitute_values_and_defaults_and_refuse_missing_or_unknown_arguments() {
        PromptTemplate plan = PromptLibrary.fromClasspath().find("plan_upgrade").orElseThrow();

        String text = plan.render(Map.of("server", "@acme/files", "from_version", "1.4.2"));

        assertThat(text).contains("**@acme/files**", "**1.4.2**", "the newest release in the registry");
        assertThatThrownBy(() -> plan.render(Map.of("server", "x")))
                .hasMessageContaining("missing required argument 'from_version'");
        assertThatThrownBy(() -> plan.render(Map.of("server", "x", "from_version", "1.0.0", "colour", "red")))
                .hasMessageContaining("unknown argument 'colour'");
    }

    @Test
    void should_refuse_malformed_template_files_naming_the_file_and_the_problem() {
        assertThatThrownBy(() -> PromptLibrary.parse("a.md", "no front matter"))
                .hasMessageStartingWith("prompts/templates/a.md: must start with");
        assertThatThrownBy(() -> PromptLibrary.parse("a.md", "---\ntitle: A\n")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> PromptLibrary.parse("a.md", "---\ntitle: A\ndescription: d\ntitel: x\n---\nbody\n"))
                .hasMessageContaining("unknown front matter key 'titel'");
        assertThatThrownBy(() -> PromptLibrary.parse("a.md", "---\nname: b\ntitle: A\ndescription: d\n---\nbody\n"))
                .hasMessageContaining("differs from the file name");
        assertThatThrownBy(() -> PromptLibrary.parse("a.md", "---\ntitle: A\ndescription: d\n---\nHi {{who}}\n"))
                .hasMessageContaining("uses {{who}}");
        assertThatThrownBy(
                        () -> PromptLibrary.parse(
                                "a.md",
                                "---\ntitle: A\ndescription: d\narguments:\n  - name: x\n    required: true\n    default: y\n---\nb\n"))
                .hasMessageContaining("cannot have a default");
        assertThatThrownBy(() -> PromptLibrary.parse("Bad-Name.md", "---\ntitle: A\ndescription: d\n---\nbody\n"))
                .hasMessageContaining("prompt name must match");
    }

    @Test
    void should_accept_windows_line_endings() {
        PromptTemplate template = PromptLibrary.parse("a.md", "---\r\ntitle: A\r\ndescription: d\r\n---\r\nbody\r\n");
        assertThat(template.body()).isEqualTo("body\n");
    }
}
