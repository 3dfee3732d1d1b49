package dev.mcpver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpver.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mcpver chat | replay | export} in-process, offline, on a SQLite file. */
class AgentCommandsTest {
    @TempDir
    Path directory;

    @Test
    void should_stream_steps_then_print_the_answer_and_export_and_verify_the_conversation() throws Exception {
        String db = directory.resolve("cli.db").toString();

        CliTest.Run chat = CliTest.run(Map.of(), "chat", "--db", db, "Does", "1.4.2", "satisfy", "^1.2.3?");

        assertThat(chat.exit()).as(chat.err()).isZero();
        assertThat(chat.out())
                .contains("[0] user_message: Does 1.4.2 satisfy ^1.2.3?")
                .contains("[3] thought sequentialthinking: Parsed request: intent range_check")
                .contains("tool_call semver_satisfies: {\"version\":\"1.4.2\",\"range\":\"^1.2.3\"}")
                .contains("1.4.2 satisfies ^1.2.3")
                .contains("note: offline planner");
        String conversation = chat.out()
                .lines()
                .filter(line -> line.startsWith("conversation "))
                .findFirst()
                .orElseThrow()
                .substring("conversation ".length())
                .replaceFirst(",.*", "");

        CliTest.Run export = CliTest.run(
                Map.of(),
                "export",
                "--db",
                db,
                "--dir",
                directory.resolve("out").toString(),
                conversation);
        Path file = directory.resolve("out").resolve(conversation + ".json");
        CliTest.Run verify = CliTest.run(Map.of(), "replay", "--verify", file.toString());
        String runId = Json.read(Files.readString(file, StandardCharsets.UTF_8))
                .get("runs")
                .get(0)
                .get("id")
                .asText();
        CliTest.Run show = CliTest.run(Map.of(), "replay", "--db", db, runId);
        CliTest.Run json = CliTest.run(
                Map.of(),
                "chat",
                "--db",
                db,
                "--json",
                "--conversation",
                conversation,
                "next",
                "minor",
                "version",
                "after",
                "1.4.2");

        assertThat(export.exit()).isZero();
        assertThat(export.out().strip()).isEqualTo(file.toString());
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(Json.read(verify.out().strip()).get("status").asText()).isEqualTo("identical");
        assertThat(show.out()).startsWith("run " + runId + " (succeeded)").contains("[17] final_answer");
        assertThat(Json.read(json.out().strip()).get("answer").asText()).endsWith("is 1.5.0.");
    }

    @Test
    void should_exit_2_with_one_line_for_unknown_ids_and_invalid_input() {
        String db = directory.resolve("cli.db").toString();

        CliTest.Run unknownRun = CliTest.run(Map.of(), "replay", "--db", db, "--verify", "nope");
        CliTest.Run unknownConversation = CliTest.run(Map.of(), "export", "--db", db, "nope");
        CliTest.Run online = CliTest.run(Map.of(), "chat", "--db", db, "--mode", "online", "hi");

        assertThat(unknownRun.exit()).isEqualTo(2);
        assertThat(unknownRun.err().strip()).isEqualTo("mcpver: no run with id 'nope'");
        assertThat(unknownConversation.exit()).isEqualTo(2);
        assertThat(online.exit()).isEqualTo(2);
        assertThat(online.err().strip())
                .startsWith("mcpver: mode 'online' is unavailable")
                .doesNotContain("\n");
    }
}
