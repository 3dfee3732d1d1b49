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
}
