package dev.mcpver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpver.log.LogLevel;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AppConfigTest {
    @Test
    void should_bind_loopback_port_7070_and_the_default_sqlite_file_when_nothing_is_set() {
        AppConfig config = AppConfig.load(Map.of(), Map.of());

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(7070);
        assertThat(config.databaseUrl()).isEqualTo("jdbc:sqlite:data/mcpver.db");
        assertThat(config.home()).isEqualTo(Path.of("data"));
        assertThat(config.logLevel()).isEqualTo(LogLevel.INFO);
        assertThat(config.loopbackOnly()).isTrue();
    }

    @Test
    void should_let_flags_win_over_environment_variables() {
        Map<String, String> env = Map.of("MCPVER_PORT", "8080", "MCPVER_HOST", "0.0.0.0", "MCPVER_DB", "/var/lib/a.db");
        Map<String, String> flags = Map.of("port", "9090");

        AppConfig config = AppConfig.load(env, flags);

        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.loopbackOnly()).isFalse();
        assertThat(config.databaseUrl()).isEqualTo("jdbc:sqlite:/var/lib/a.db");
    }

    @Test
    void should_accept_postgresql_urls_as_they_are() {
        AppConfig config = AppConfig.load(Map.of("MCPVER_DB", "jdbc:postgresql://db:5432/mcpver?user=m"), Map.of());

        assertThat(config.databaseUrl()).isEqualTo("jdbc:postgresql://db:5432/mcpver?user=m");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "MCPVER_PORT|abc|MCPVER_PORT=\"abc\": not a port number (0-65535)",
                "MCPVER_PORT|70000|MCPVER_PORT=\"70000\": not a port number",
                "MCPVER_LOG_LEVEL|loud|MCPVER_LOG_LEVEL=\"loud\": expected one of trace, debug, info, warn, error, off",
                "MCPVER_DB|jdbc:mysql://x/y|MCPVER_DB=\"jdbc:mysql://x/y\": only jdbc:sqlite: and jdbc:postgresql://",
                "MCPVER_MAX_REQUEST_BYTES|12|MCPVER_MAX_REQUEST_BYTES=\"12\": expected a size of at least 1024 bytes",
                "MCPVER_HOST|a b|MCPVER_HOST=\"a b\": not a host name or address",
                "MCPVER_MCP_ALLOWED_ORIGINS|*|MCPVER_MCP_ALLOWED_ORIGINS=\"*\": list the origins to allow",
                "MCPVER_MCP_ALLOWED_ORIGINS|localhost:3000|'localhost:3000' is not an origin like http://localhost:*",
                "MCPVER_MCP_ALLOWED_HOSTS|a,,b|MCPVER_MCP_ALLOWED_HOSTS=\"a,,b\": expected a comma-separated list",
                "MCPVER_MCP_ALLOWED_HOSTS|http://x|'http://x' is not a host like localhost:*"
            })
    void should_name_the_bad_environment_variable_in_one_line(String name, String value, String expected) {
        assertThatThrownBy(() -> AppConfig.load(Map.of(name, value), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(expected)
                .hasMessageNotContaining("\n");
    }

    @Test
    void should_name_the_flag_when_the_bad_value_came_from_a_flag() {
        assertThatThrownBy(() -> AppConfig.load(Map.of("MCPVER_PORT", "1"), Map.of("port", "-5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--port=\"-5\"");
    }

    @Test
    void should_parse_sizes_with_units() {
        assertThat(AppConfig.load(Map.of("MCPVER_MAX_REQUEST_BYTES", "2m"), Map.of())
                        .maxRequestBytes())
                .isEqualTo(2L << 20);
        assertThat(AppConfig.load(Map.of(), Map.of("max-request-bytes", "64k")).maxRequestBytes())
                .isEqualTo(64L << 10);
    }

    @Test
    void should_allow_loopback_origins_and_hosts_for_mcp_by_default_and_take_lists() {
        AppConfig defaults = AppConfig.defaults();
        AppConfig custom = AppConfig.load(
                Map.of("MCPVER_MCP_ALLOWED_ORIGINS", "https://app.example, http://localhost:*"),
                Map.of("mcp-allowed-hosts", "*"));

        assertThat(defaults.mcpAllowedOrigins()).contains("http://localhost:*", "http://127.0.0.1:*");
        assertThat(defaults.mcpAllowedHosts()).contains("localhost:*", "127.0.0.1:*");
        assertThat(custom.mcpAllowedOrigins()).containsExactly("https://app.example", "http://localhost:*");
        assertThat(custom.mcpAllowedHosts()).as("'*' turns the Host check off").isEmpty();
    }
}
