package dev.mcpver.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class JsonLoggingTest {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream previous = System.err;
    private LogLevel previousLevel = LogLevel.INFO;

    @BeforeEach
    void capture() {
        previous = JsonLogging.redirect(new PrintStream(captured, true, StandardCharsets.UTF_8));
        previousLevel = JsonLogging.level();
        JsonLogging.setLevel(LogLevel.INFO);
    }

    @AfterEach
    void restore() {
        JsonLogging.redirect(previous);
        JsonLogging.setLevel(previousLevel);
    }

    private List<JsonNode> lines() {
        return Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(line -> !line.isBlank())
                .map(Json::read)
                .toList();
    }

    @Test
    void should_write_one_json_object_per_event_with_key_values_at_top_level() {
        Logger log = LoggerFactory.getLogger("dev.mcpver.test");

        log.atInfo()
                .addKeyValue("operation", "SEMVER_PARSE")
                .addKeyValue("durationMs", 1.5)
                .log("parsed {}", "1.2.3\n");

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(1);
        JsonNode line = lines.get(0);
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("operation").asText()).isEqualTo("SEMVER_PARSE");
        assertThat(line.get("durationMs").asDouble()).isEqualTo(1.5);
        assertThat(line.get("msg").asText()).isEqualTo("parsed 1.2.3\n");
        assertThat(line.get("ts").asText()).startsWith("20");
    }

    @Test
    void should_write_a_key_once_with_the_events_value_when_the_mdc_has_a_stale_one() {
        org.slf4j.MDC.put("requestId", "stale-from-another-request");
        try {
            LoggerFactory.getLogger("dev.mcpver.test")
                    .atInfo()
                    .addKeyValue("requestId", "this-request")
                    .log("done");
        } finally {
            org.slf4j.MDC.remove("requestId");
        }

        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("stale-from-another-request");
        assertThat(lines().get(0).get("requestId").asText()).isEqualTo("this-request");
    }

    @Test
    void should_drop_events_below_the_threshold_and_library_info_chatter() {
        Logger ours = LoggerFactory.getLogger("dev.mcpver.test");
        Logger library = LoggerFactory.getLogger("org.eclipse.jetty.Server");

        ours.debug("hidden");
        library.info("hidden too");
        library.warn("shown");
        JsonLogging.setLevel(LogLevel.DEBUG);
        library.info("now shown");

        assertThat(lines()).extracting(l -> l.get("msg").asText()).containsExactly("shown", "now shown");
    }

    @Test
    void should_include_the_error_class_and_message_of_a_cause() {
        LoggerFactory.getLogger("dev.mcpver.test").error("failed", new IllegalStateException("boom"));

        JsonNode line = lines().get(0);
        assertThat(line.get("error").asText()).isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(line.get("stack").asText()).contains("JsonLoggingTest");
    }

    @Test
    void should_read_the_initial_level_from_the_environment() {
        assertThat(JsonLogging.initialLevel(Map.of("MCPVER_LOG_LEVEL", "warn"))).isEqualTo(LogLevel.WARN);
        assertThat(JsonLogging.initialLevel(Map.of("MCPVER_LOG_LEVEL", "nonsense")))
                .isEqualTo(LogLevel.INFO);
        assertThat(JsonLogging.initialLevel(Map.of())).isEqualTo(LogLevel.INFO);
    }
}
