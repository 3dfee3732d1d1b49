package dev.mcpver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigAuthTest {
    @Test
    void should_open_reads_by_default_only_on_loopback() {
        assertThat(AppConfig.load(Map.of(), Map.of()).openReads()).isTrue();
        assertThat(AppConfig.load(Map.of("MCPVER_HOST", "0.0.0.0"), Map.of()).openReads())
                .isFalse();
        assertThat(AppConfig.load(Map.of("MCPVER_OPEN_READS", "false"), Map.of())
                        .openReads())
                .isFalse();
        assertThat(AppConfig.load(Map.of("MCPVER_HOST", "0.0.0.0", "MCPVER_OPEN_READS", "true"), Map.of())
                        .openReads())
                .isTrue();
    }

    @Test
    void should_reject_a_non_boolean_open_reads_naming_the_setting() {
        assertThatThrownBy(() -> AppConfig.load(Map.of("MCPVER_OPEN_READS", "maybe"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("invalid configuration: MCPVER_OPEN_READS=\"maybe\": expected true or false");
    }

    @Test
    void should_read_the_bootstrap_token_from_the_environment_and_never_print_it() {
        String secret = "s3cr3t-bootstrap-token-0123456789abcdef";

        AppConfig config = AppConfig.load(Map.of("MCPVER_BOOTSTRAP_TOKEN", secret), Map.of());

        assertThat(config.bootstrapToken()).isEqualTo(secret);
        assertThat(config.toString()).doesNotContain(secret).contains("bootstrapToken=(redacted)");
        assertThat(AppConfig.load(Map.of(), Map.of()).bootstrapToken()).isNull();
    }

    @Test
    void should_reject_a_short_bootstrap_token_without_echoing_it() {
        assertThatThrownBy(() -> AppConfig.load(Map.of("MCPVER_BOOTSTRAP_TOKEN", "hunter2"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MCPVER_BOOTSTRAP_TOKEN")
                .hasMessageContaining("at least 32")
                .message()
                .doesNotContain("hunter2");
    }
}
