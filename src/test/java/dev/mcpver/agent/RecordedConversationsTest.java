package dev.mcpver.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpver.App;
import dev.mcpver.AppConfig;
import dev.mcpver.auth.Caller;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every exported conversation in {@code conversations/} replays identically in verify mode against today's tools (the
 * server's own catalog, via {@link App}). An engine change that alters a recorded tool result fails here until the
 * conversations are re-recorded on purpose: {@code mvn -o test -Dtest=RecordedConversationsTest -Dmcpver.record=true}.
 */
class RecordedConversationsTest {
    private static final Path CONVERSATIONS = Path.of("conversations");

    @TempDir
    Path directory;

    @Test
    void should_replay_every_recorded_conversation_identically() throws IOException {
        List<Path> files = files();
        assertThat(files).as("recorded conversations").isNotEmpty();
        List<String> problems = new ArrayList<>();
        int verified = 0;
        for (Path file : files) {
            Agent agent = app(directory.resolve(file.getFileName().toString())).agent();
            JsonNode imported = agent.traces().importText(Files.readString(file, StandardCharsets.UTF_8));
            for (JsonNode runId : imported.get("runIds")) {
                Run run = agent.traces().requireRun(runId.asText());
                if (run.origin() == RunOrigin.REPLAY) {
                    continue;
                }
                ReplayResult result = agent.replay(run.id(), "verify", Caller.localAdmin());
                verified++;
                if (result.status() != RunStatus.IDENTICAL) {
                    problems.add(file.getFileName() + " run " + run.id() + ": " + result.diffs());
                }
            }
        }
        assertThat(problems).as("conversations whose tool results changed").isEmpty();
        assertThat(verified).isGreaterThanOrEqualTo(files.size());
    }

    @Test
    @EnabledIfSystemProperty(named = "mcpver.record", matches = "true")
    void record_the_demo_conversations() throws IOException {
        Agent agent = app(directory.resolve("record")).agent();
        Caller caller = new Caller("demo", dev.mcpver.auth.Role.VIEWER);
        try (Stream<Path> old = Files.list(CONVERSATIONS)) {
            for (Path file :
                    old.filter(path -> path.toString().endsWith(".json")).toList()) {
                Files.delete(file);
            }
        }
        ChatResult upgrade = agent.chat(
                ChatInput.of("Can we move filesystem from 2025.8.21 to 2025.11.25 without breaking our agents?"),
                caller,
                RunObserver.none());
        agent.chat(
                new ChatInput(
                        upgrade.conversationId(),
                        "And is it safe to go back from 2025.11.25 to 2025.8.21?",
                        null,
                        null),
                caller,
                RunObserver.none());
        agent.fork(
                upgrade.runId(),
                new ForkInput(
                        0,
                        "Can we move filesystem from 2025.8.21 to 2026.1.0 without breaking" + " our agents?",
                        null,
                        null,
                        null),
                caller,
                RunObserver.none());
        ChatResult range = agent.chat(ChatInput.of("Does 1.4.2 satisfy ^1.2.3?"), caller, RunObserver.none());
        ChatResult resolve = agent.chat(
                ChatInput.of("Which of 1.2.0, 1.3.5, 1.4.0-rc.1 and 2.0.0 is the highest that satisfies ^1.2?"),
                caller,
                RunObserver.none());
        ChatResult bump = agent.chat(
                ChatInput.of("What is the next prerelease of 2.0.0 with preid rc?"), caller, RunObserver.none());
        agent.chat(
                new ChatInput(bump.conversationId(), "And the next minor version after 2.0.0?", null, null),
                caller,
                RunObserver.none());
        ChatResult parse =
                agent.chat(ChatInput.of("Is 1.2.3-beta.1+build.5 a valid version?"), caller, RunObserver.none());
        for (ChatResult chat : List.of(upgrade, range, resolve, bump, parse)) {
            Files.writeString(
                    CONVERSATIONS.resolve(chat.conversationId() + ".json"),
                    agent.traces().export(chat.conversationId()),
                    StandardCharsets.UTF_8);
        }
    }

    private static App app(Path directory) {
        return new App(AppConfig.load(
                Map.of(),
                Map.of(
                        "port",
                        "0",
                        "log-level",
                        "warn",
                        "db",
                        directory.resolve("mcpver.db").toString())));
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(CONVERSATIONS)) {
            return files.filter(path -> path.toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
    }
}
