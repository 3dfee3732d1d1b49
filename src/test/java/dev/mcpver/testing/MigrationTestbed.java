package dev.mcpver.testing;

import com.github.f4b6a3.ulid.UlidCreator;
import dev.mcpver.DeploymentWiring;
import dev.mcpver.fixtures.FixtureCatalog;
import dev.mcpver.fixtures.Fixtures;
import dev.mcpver.migrate.TargetRelease;
import dev.mcpver.rollback.ConfigEntry;
import dev.mcpver.rollback.Deployment;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.Initiator;
import dev.mcpver.rollback.LaunchSpec;
import dev.mcpver.store.Database;
import dev.mcpver.store.SqlAuditLog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Deployments, rollback and migrations wired over SQLite and a temp home, with the fixture versions registered. */
public final class MigrationTestbed implements AutoCloseable {
    public static final Initiator WHO = new Initiator("local", "test");
    public static final DeploymentId ID = new DeploymentId(FixtureCatalog.SERVER, "staging");
    public static final List<String> VERSIONS = List.of("1.0.0", "1.1.0", "1.2.0", "1.3.0", "1.4.0", "1.5.0", "2.0.0");

    public final Database database;
    public final SqlAuditLog audit;
    public final DeploymentWiring wiring;
    public final Path home;
    public final String marker = UlidCreator.getMonotonicUlid().toString();
    public final LaunchSpec launch = Fixtures.stdioLaunch(marker);

    public MigrationTestbed(Path temp, boolean residentMode) {
        this.database = TestDatabases.sqlite(temp.resolve("db"));
        this.audit = new SqlAuditLog(database, Clock.systemUTC());
        this.home = temp.resolve("home");
        Map<String, String> env = Map.of("PATH", System.getenv("PATH"), "FIX_TOKEN_VALUE", "t0k3n");
        this.wiring = new DeploymentWiring(database, audit, home, env, Clock.systemUTC(), residentMode);
        for (String version : VERSIONS) {
            TargetRelease target = FixtureCatalog.target(temp.resolve("artifacts"), version, null);
            wiring.targets().register(target, WHO);
        }
    }

    /** Registers the deployment and activates 1.0.0 (its resident starts in resident mode). */
    public Deployment deployFirstVersion(List<ConfigEntry> config) {
        wiring.deployments().register(ID, launch, config, WHO);
        TargetRelease first =
                wiring.targets().find(FixtureCatalog.SERVER, "1.0.0").orElseThrow();
        return wiring.deployments().activate(ID, "1.0.0", first.artifact(), null, WHO);
    }

    public long liveFixtures() {
        return Fixtures.liveProcesses(marker);
    }

    @Override
    public void close() {
        wiring.close();
    }
}
