package dev.mcpver.agent;

import dev.langchain4j.model.chat.ChatModel;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.store.Database;
import dev.mcpver.store.JdbiTraceStore;
import dev.mcpver.testing.TestDatabases;
import dev.mcpver.tools.ToolCatalog;
import dev.mcpver.tools.ToolDef;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** An agent on a real SQLite database with a fixed clock, counter ids and a recording sleeper. */
final class AgentHarness {
    static final Caller VIEWER = new Caller("viewer-1", Role.VIEWER);
    static final Caller OPERATOR = new Caller("operator-1", Role.OPERATOR);

    final Database database;
    final JdbiTraceStore store;
    final SequentialThinking thinking = new SequentialThinking();
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final Agent agent;
    final ToolCatalog catalog;

    AgentHarness(Path directory, AgentSettings settings, List<ToolDef> extraTools, @Nullable ChatModel online) {
        this(Database.openMigrated(TestDatabases.sqliteUrl(directory)), settings, extraTools, online);
    }

    AgentHarness(Database database, AgentSettings settings, List<ToolDef> extraTools, @Nullable ChatModel online) {
        this(database, settings, concat(SemverToolDoubles.all(), extraTools), online, true);
    }

    /** An agent whose catalog is sequentialthinking plus exactly {@code tools}. */
    AgentHarness(
            Database database, AgentSettings settings, List<ToolDef> tools, @Nullable ChatModel online, boolean exact) {
        this.database = database;
        this.store = new JdbiTraceStore(database);
        List<ToolDef> all = new ArrayList<>();
        all.add(thinking.toolDef());
        all.addAll(tools);
        this.catalog = new ToolCatalog(all);
        AtomicInteger counter = new AtomicInteger();
        Agent.Builder builder = Agent.builder(settings, catalog, store, thinking)
                .clock(Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC))
                .ids(() -> String.format(java.util.Locale.ROOT, "id%04d", counter.incrementAndGet()))
                .sleeper(sleeps::add)
                .random(new Random(7))
                .engineVersions(dev.mcpver.json.Json.read("{\"mcpver\":\"test\"}"));
        if (online != null) {
            builder.onlineModel(online);
        }
        this.agent = builder.build();
    }

    static List<ToolDef> concat(List<ToolDef> first, List<ToolDef> second) {
        List<ToolDef> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    static AgentSettings offline() {
        return AgentSettings.defaults();
    }

    static AgentSettings online() {
        return AgentSettings.defaults().withModel(java.net.URI.create("http://127.0.0.1:1/v1"), null, "test/model");
    }

    List<StepKind> kinds(String runId) {
        return store.steps(runId).stream().map(Step::kind).toList();
    }
}
