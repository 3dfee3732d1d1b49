package dev.mcpver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.BuildInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CliTest {
    /** What one CLI invocation printed and returned. */
    record Run(int exit, String out, String err) {}

    static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    static Run run(String... args) {
        return run(Map.of(), args);
    }

    @Test
    void should_print_usage_with_every_command_when_asked_for_help() {
        Run help = run("--help");

        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("serve").contains("semver").contains("Usage: mcpver");
    }

    @Test
    void should_print_usage_and_succeed_without_a_command() {
        Run bare = run();

        assertThat(bare.exit()).isZero();
        assertThat(bare.out()).contains("Usage: mcpver");
    }

    @Test
    void should_print_the_build_version() {
        Run version = run("--version");

        assertThat(version.exit()).isZero();
        assertThat(version.out().strip()).isEqualTo("mcpver " + BuildInfo.version());
        assertThat(BuildInfo.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void should_reject_unknown_flags_with_one_line_and_exit_2() {
        Run bogus = run("serve", "--bogus");

        assertThat(bogus.exit()).isEqualTo(2);
        assertThat(bogus.err().strip()).contains("Unknown option: '--bogus'").doesNotContain("\n");
        assertThat(bogus.out()).isEmpty();
    }

    @Test
    void should_reject_unknown_commands_with_exit_2() {
        Run bogus = run("frobnicate");

        assertThat(bogus.exit()).isEqualTo(2);
        assertThat(bogus.err()).contains("frobnicate");
    }

    @Test
    void should_refuse_to_serve_with_a_bad_setting_naming_it_in_one_line() {
        Run flag = run("serve", "--port", "abc");
        Run env = run(Map.of("MCPVER_LOG_LEVEL", "chatty"), "serve");

        assertThat(flag.exit()).isEqualTo(2);
        assertThat(flag.err().strip())
                .isEqualTo("mcpver: invalid configuration: --port=\"abc\": not a port number (0-65535)");
        assertThat(env.exit()).isEqualTo(2);
        assertThat(env.err()).contains("MCPVER_LOG_LEVEL=\"chatty\"");
    }

    @Test
    void should_print_the_http_apis_json_for_semver_commands() {
        Run parse = run("semver", "parse", "1.2.3-beta.1+b5");
        Run next = run("semver", "next", "1.2.3", "prerelease", "--preid", "rc");
        Run diff = run("semver", "diff", "1.0.0-1", "1.0.0");
        Run range = run("semver", "range", "^0.0.3");

        assertThat(parse.exit()).isZero();
        assertThat(parse.out().strip())
                .isEqualTo("{\"valid\":true,\"version\":\"1.2.3-beta.1\",\"major\":1,\"minor\":2,\"patch\":3,"
                        + "\"prerelease\":[\"beta\",1],\"build\":[\"b5\"]}");
        assertThat(next.out().strip()).isEqualTo("{\"version\":\"1.2.4-rc.0\"}");
        assertThat(diff.out().strip()).isEqualTo("{\"diff\":\"major\"}");
        assertThat(range.out().strip()).isEqualTo("{\"valid\":true,\"normalized\":\">=0.0.3 <0.0.4-0\"}");
    }

    @Test
    void should_exit_1_for_a_negative_answer_and_2_for_invalid_input() {
        Run satisfied = run("semver", "satisfies", "1.4.2", "^1.2.3");
        Run unsatisfied = run("semver", "satisfies", "1.3.0-rc.1", "^1.2.3");
        Run none = run("semver", "resolve", "^3", "1.0.0", "2.0.0");
        Run some = run("semver", "resolve", "^1", "1.0.0", "junk", "1.2.0");
        Run invalid = run("semver", "satisfies", "1.2", "^1");
        Run badRange = run("semver", "range", ">=1.2.3 &&");

        assertThat(satisfied.exit()).isZero();
        assertThat(unsatisfied.exit()).isEqualTo(1);
        assertThat(unsatisfied.out().strip()).isEqualTo("{\"satisfies\":false}");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(some.out().strip())
                .isEqualTo("{\"max\":\"1.2.0\",\"min\":\"1.0.0\",\"matching\":[\"1.0.0\",\"1.2.0\"]}");
        assertThat(invalid.exit()).isEqualTo(2);
        assertThat(invalid.err().strip()).startsWith("mcpver: ").contains("1.2").doesNotContain("\n");
        assertThat(invalid.out()).isEmpty();
        assertThat(badRange.exit()).isEqualTo(2);
        assertThat(badRange.err()).contains("&&");
    }

    @Test
    void should_reject_an_unknown_bump_with_exit_2() {
        Run release = run("semver", "next", "1.2.3", "release");

        assertThat(release.exit()).isEqualTo(2);
        assertThat(release.err()).contains("bump");
    }
}
