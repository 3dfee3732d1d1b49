package dev.mcpver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpver.agent.AgentMode;
import dev.mcpver.agent.AgentSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The agent's settings: defaults, precedence of keys, and one-line errors naming the setting. */
class AgentConfigTest {
    @Test
    void should_default_to_offline_auto_mode_with_openrouter_when_nothing_is_set() {
        AgentSettings agent = AppConfig.load(Map.of(), Map.of()).agent();

        assertThat(agent.mode()).isEqualTo(AgentMode.AUTO);
        assertThat(agent.effectiveMode()).isEqualTo(AgentMode.OFFLINE);
        assertThat(agent.baseUrl().toString()).isEqualTo("https://openrouter.ai/api/v1");
        assertThat(agent.provider()).isEqualTo("openrouter");
        assertThat(agent.maxRetries()).isEqualTo(3);
        assertThat(agent.maxRounds()).isEqualTo(12);
        assertThat(agent.offlineReason()).contains("MCPVER_LLM_API_KEY");
    }

    @Test
    void should_go_online_with_a_key_prefer_the_mcpver_key_and_never_print_it() {
        AgentSettings openRouter = AppConfig.load(Map.of("OPENROUTER_API_KEY", "sk-or-v1-secret"), Map.of())
                .agent();
        AppConfig both = AppConfig.load(
                Map.of(
                        "OPENROUTER_API_KEY",
                        "sk-or-v1-other",
                        "MCPVER_LLM_API_KEY",
                        "sk-mine",
                        "MCPVER_LLM_MODEL",
                        "anthropic/claude-sonnet-4"),
                Map.of());

        assertThat(openRouter.effectiveMode()).isEqualTo(AgentMode.ONLINE);
        assertThat(both.agent().apiKey()).isEqualTo(new dev.mcpver.agent.ApiKey("sk-mine"));
        assertThat(both.agent().model()).isEqualTo("anthropic/claude-sonnet-4");
        assertThat(both.toString())
                .doesNotContain("sk-mine")
                .doesNotContain("sk-or-v1")
                .contains("redacted");
    }

    @Test
    void should_go_online_without_a_key_for_an_explicit_local_base_url() {
        AgentSettings ollama = AppConfig.load(
                        Map.of("MCPVER_LLM_BASE_URL", "http://localhost:11434/v1/", "MCPVER_LLM_TIMEOUT", "90"),
                        Map.of())
                .agent();

        assertThat(ollama.effectiveMode()).isEqualTo(AgentMode.ONLINE);
        assertThat(ollama.baseUrl().toString()).isEqualTo("http://localhost:11434/v1");
        assertThat(ollama.provider()).isEqualTo("openai-compatible");
        assertThat(ollama.timeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void should_reject_bad_agent_settings_with_one_line_naming_the_setting() {
        assertThatThrownBy(() -> AppConfig.load(Map.of("MCPVER_AGENT_MODE", "online"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("invalid configuration: MCPVER_AGENT_MODE=\"online\": online mode needs");
        assertThatThrownBy(() -> AppConfig.load(Map.of("MCPVER_AGENT_MODE", "turbo"), Map.of()))
                .hasMessage("invalid configuration: MCPVER_AGENT_MODE=\"turbo\": expected auto, online or offline");
        assertThatThrownBy(() -> AppConfig.load(Map.of("MCPVER_AGENT_MAX_ROUNDS", "0"), Map.of()))
                .hasMessageContaining("MCPVER_AGENT_MAX_ROUNDS=\"0\"");
        assertThatThrownBy(() -> AppConfig.load(Map.of("MCPVER_LLM_BASE_URL", "ftp://x"), Map.of()))
                .hasMessageContaining("MCPVER_LLM_BASE_URL");
        assertThatThrownBy(() -> AppConfig.load(
                        Map.of("MCPVER_LLM_BASE_URL", "http://models.example.com/v1", "MCPVER_LLM_API_KEY", "k"),
                        Map.of()))
                .hasMessageContaining("plain http");
        assertThatThrownBy(() -> AppConfig.load(Map.of("MCPVER_AGENT_ON_MODEL_FAILURE", "retry"), Map.of()))
                .hasMessageContaining("expected fail or offline");
        assertThatThrownBy(() -> AppConfig.load(Map.of("MCPVER_LLM_MODEL", "bad model"), Map.of()))
                .hasMessageContaining("MCPVER_LLM_MODEL");
    }
}
