package dev.mcpver.testing;

import com.github.f4b6a3.ulid.UlidCreator;
import dev.mcpver.deploy.FileBlobStore;
import dev.mcpver.deploy.HomeLayout;
import dev.mcpver.deploy.LocalReleaseArea;
import dev.mcpver.rollback.ActivationListener;
import dev.mcpver.rollback.Deployment;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.DeploymentState;
import dev.mcpver.rollback.Initiator;
import dev.mcpver.rollback.LaunchSpec;
import dev.mcpver.rollback.RetentionPolicy;
import dev.mcpver.rollback.RollbackService;
import dev.mcpver.rollback.SwitchCause;
import dev.mcpver.store.Database;
import dev.mcpver.store.SqlAuditLog;
import dev.mcpver.store.SqlDeploymentStore;
import dev.mcpver.store.SqlRollbackStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The rollback engine wired over a real database and a temporary {@code MCPVER_HOME}. */
public final class RollbackTestbed {
    public static final Initiator WHO = new Initiator("local", "test");

    public final Database database;
    public final SqlAuditLog audit;
    public final SqlDeploymentStore deployments;
    public final SqlRollbackStore points;
    public final HomeLayout layout;
    public final FileBlobStore blobs;
    public final LocalReleaseArea area;
    public final RollbackService rollback;

    public RollbackTestbed(
            Database database, Path home, Clock clock, RetentionPolicy policy, ActivationListener listener) {
        this.database = database;
        this.audit = new SqlAuditLog(database, clock);
        this.deployments = new SqlDeploymentStore(database, audit, clock);
        this.points = new SqlRollbackStore(database, audit, clock);
        this.layout = new HomeLayout(home);
        this.blobs = new FileBlobStore(layout);
        this.area = new LocalReleaseArea(layout, blobs, 4);
        this.rollback = new RollbackService(
                deployments,
                points,
                area,
                blobs,
                listener,
                policy,
                clock,
                () -> UlidCreator.getMonotonicUlid().toString());
    }

    public RollbackTestbed(Database database, Path home) {
        this(database, home, Clock.systemUTC(), RetentionPolicy.DEFAULT, ActivationListener.NONE);
    }

    /** A deployment whose release {@code version} holds {@code files}, switched active. */
    public Deployment deploy(DeploymentId id, String version, Map<String, String> files) {
        ReleaseTrees.write(layout.release(id, version), files);
        LaunchSpec launch = LaunchSpec.stdio("node", List.of("${release}/index.js"));
        Deployment created = deployments
                .find(id)
                .orElseGet(() -> deployments.create(id, new DeploymentState(null, null, launch, List.of()), WHO));
        Deployment switched = deployments.switchState(
                id,
                created.revision(),
                created.state().withRelease(version, version),
                new SwitchCause("activate", UlidCreator.getMonotonicUlid().toString()),
                WHO);
        area.linkCurrent(id, version);
        return switched;
    }

    public Path blobPath(String sha256) {
        return layout.blobs().resolve(sha256.substring(0, 2)).resolve(sha256.substring(2));
    }

    public void corrupt(String sha256) {
        try {
            Files.writeString(blobPath(sha256), "tampered");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
