package dev.mcpver.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedRequestTest {
    @Test
    void should_find_the_server_and_both_versions_of_an_upgrade_question() {
        ParsedRequest request =
                ParsedRequest.parse("Can we move filesystem from 2025.8.21 to 2025.11.25 without breaking our agents?");

        assertThat(request.versions()).containsExactly("2025.8.21", "2025.11.25");
        assertThat(request.server()).contains("filesystem");
        assertThat(request.ranges()).isEmpty();
        assertThat(request.mentions("break")).isTrue();
    }

    @Test
    void should_separate_ranges_from_versions() {
        ParsedRequest request = ParsedRequest.parse("Does 1.4.2 satisfy ^1.2.3?");

        assertThat(request.versions()).containsExactly("1.4.2");
        assertThat(request.ranges()).containsExactly("^1.2.3");
    }

    @Test
    void should_read_quoted_compound_x_and_hyphen_ranges() {
        assertThat(ParsedRequest.parse("is 2.1.0 in \">=1.0.0 <2.0.0\"?").ranges())
                .containsExactly(">=1.0.0 <2.0.0");
        assertThat(ParsedRequest.parse("is 1.3.0 in >=1.2.0 <2.0.0").ranges()).containsExactly(">=1.2.0 <2.0.0");
        assertThat(ParsedRequest.parse("what does 1.x mean").ranges()).containsExactly("1.x");
        assertThat(ParsedRequest.parse("check 1.2.3 - 2.3.4 please").ranges()).containsExactly("1.2.3 - 2.3.4");
        assertThat(ParsedRequest.parse("version '1.2.3' is quoted").versions()).containsExactly("1.2.3");
    }

    @Test
    void should_keep_prerelease_and_build_parts_and_read_bump_and_preid() {
        ParsedRequest request = ParsedRequest.parse("bump 2.0.0-beta.1+exp.sha to the next prerelease with preid rc");

        assertThat(request.versions()).containsExactly("2.0.0-beta.1+exp.sha");
        assertThat(request.bump()).contains("prerelease");
        assertThat(request.preid()).contains("rc");
    }

    @Test
    void should_notice_tokens_that_only_look_like_versions() {
        ParsedRequest request = ParsedRequest.parse("is 1.2 a valid version?");

        assertThat(request.versions()).isEmpty();
        assertThat(request.versionLike()).isEqualTo(List.of("1.2"));
        assertThat(ParsedRequest.parse("is 1.2.3-beta.1+build.5 valid").versionLike())
                .containsExactly("1.2.3-beta.1+build.5");
    }
}
