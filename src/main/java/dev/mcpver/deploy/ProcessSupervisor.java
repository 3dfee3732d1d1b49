package dev.mcpver.deploy;

import dev.mcpver.migrate.ServerControl;
import dev.mcpver.migrate.ServerHandle;
import dev.mcpver.migrate.ServerStartException;
import dev.mcpver.rollback.ActivationListener;
import dev.mcpver.rollback.ConfigEntry;
import dev.mcpver.rollback.Deployment;
import dev.mcpver.rollback.DeploymentId;
import dev.mcpver.rollback.LaunchSpec;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the MCP server processes of deployments: at most one resident (serving the deployment) and one
 * candidate (a release under validation) per deployment. Each start is journaled (pid and OS start time) so that
 * after a crash {@link #reapOrphans} stops what the previous mcpver left behind. Processes get a minimal
 * environment — a few host variables plus the deployment's configuration with secrets resolved — never mcpver's own
 * secrets. Thread-safe; operations on one deployment are serialised.
 */
public final class ProcessSupervisor implements ServerControl, ActivationListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessSupervisor.class);
    private static final List<String> HOST_VARIABLES = List.of(
            "PATH",
            "HOME",
            "USER",
            "LOGNAME",
            "LANG",
            "LC_ALL",
            "LC_CTYPE",
            "TZ",
            "TMPDIR",
            "TEMP",
            "TMP",
            "SYSTEMROOT",
            "JAVA_HOME");
    private static final Duration GRACE = Duration.ofSeconds(5);

    private record Key(DeploymentId deployment, ServerHandle.Role role) {}

    private final HomeLayout layout;
    private final SecretResolver secrets;
    private final ProcessJournal journal;
    private final McpJsonMapper json;
    private final Clock clock;
    private final Supplier<String> ids;
    private final boolean keepResidents;
    private final Map<Key, Supervised> running = new ConcurrentHashMap<>();
    private final Map<DeploymentId, Object> locks = new ConcurrentHashMap<>();

    /**
     * @param keepResidents whether switched deployments get a resident process ({@code serve}: yes; one-shot CLI
     *     commands: no, their processes would die with them)
     */
    public ProcessSupervisor(
            HomeLayout layout,
            SecretResolver secrets,
            ProcessJournal journal,
            McpJsonMapper json,
            Clock clock,
            Supplier<String> ids,
            boolean keepResidents) {
        this.layout = layout;
        this.secrets = secrets;
        this.journal = journal;
        this.json = json;
        this.clock = clock;
        this.ids = ids;
        this.keepResidents = keepResidents;
    }

    @Override
    public ServerHandle start(
            DeploymentId id, ServerHandle.Role role, String releaseDir, LaunchSpec launch, List<ConfigEntry> config) {
        synchronized (lock(id)) {
            stop(id, role);
            Supervised server = launch(id, role, releaseDir, launch, config);
            try {
                awaitHandshake(server, Duration.ofMillis(launch.startupTimeoutMs()));
            } catch (RuntimeException e) {
                terminate(server);
                throw e;
            }
            running.put(new Key(id, role), server);
            log("SERVER_START", server.handle());
            return server.handle();
        }
    }

    private Supervised launch(
            DeploymentId id, ServerHandle.Role role, String releaseDir, LaunchSpec launch, List<ConfigEntry> config) {
        Path dir = layout.release(id, releaseDir);
        LaunchSpec expanded = launch.expand(dir.toString(), launch.usesPort() ? freePort() : 0);
        List<String> command = new ArrayList<>();
        command.add(expanded.command());
        command.addAll(expanded.args());
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment(id, dir, config));
        if (expanded.transport() == LaunchSpec.Transport.HTTP) {
            builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        }
        Process process = spawn(builder, id);
        ServerHandle handle =
                new ServerHandle(ids.get(), id, role, releaseDir, process.pid(), expanded.transport(), expanded.url());
        journal.record(new ProcessJournal.Entry(
                handle.id(),
                id,
                role.wireName(),
                releaseDir,
                process.pid(),
                process.info().startInstant().orElse(null),
                clock.instant()));
        return new Supervised(handle, process, expanded, json);
    }

    private Map<String, String> environment(DeploymentId id, Path dir, List<ConfigEntry> config) {
        Map<String, String> env = new java.util.HashMap<>();
        for (String name : HOST_VARIABLES) {
            secrets.env(name).ifPresent(value -> env.put(name, value));
        }
        try {
            env.putAll(secrets.resolve(config));
        } catch (IllegalStateException e) {
            throw new ServerStartException(String.valueOf(e.getMessage()), e);
        }
        env.put("MCPVER_DEPLOYMENT", id.toString());
        env.put("MCPVER_RELEASE", dir.toString());
        return env;
    }

    private static Process spawn(ProcessBuilder builder, DeploymentId id) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new ServerStartException(
                    "cannot start " + builder.command().get(0) + " for " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the MCP session, failing fast when the process exits. HTTP servers may need a moment to bind, so their
     * handshake is retried until the startup timeout; a stdio session cannot be opened twice.
     */
    private static void awaitHandshake(Supervised server, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        boolean retry = server.launch().transport() == LaunchSpec.Transport.HTTP;
        while (true) {
            Duration attempt = retry ? Duration.ofSeconds(2) : timeout;
            CompletableFuture<Object> handshake = Blocking.supply(() -> server.session(attempt));
            RuntimeException failure = awaitAttempt(server, handshake, deadline);
            if (failure == null) {
                return;
            }
            if (!retry || !server.process().isAlive() || Instant.now().isAfter(deadline)) {
                throw failure;
            }
            server.closeSession();
            sleep(150);
        }
    }

    private static @Nullable RuntimeException awaitAttempt(
            Supervised server, CompletableFuture<Object> handshake, Instant deadline) {
        while (!handshake.isDone()) {
            if (!server.process().isAlive()) {
                sleep(100); // let the stderr pump catch the last words
                return new ServerStartException(
                        "the server exited with code " + server.process().exitValue()
                                + " before answering the MCP handshake; stderr: " + server.tail());
            }
            if (Instant.now().isAfter(deadline)) {
                handshake.cancel(true);
                return new ServerStartException(
                        "the server did not answer the MCP handshake in time; stderr: " + server.tail());
            }
            sleep(25);
        }
        try {
            handshake.join();
            return null;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new ServerStartException(
                    "MCP handshake failed: " + cause.getMessage() + "; stderr: " + server.tail(), cause);
        }
    }

    @Override
    public void stop(DeploymentId id, ServerHandle.Role role) {
        synchronized (lock(id)) {
            Supervised server = running.remove(new Key(id, role));
            if (server != null) {
                terminate(server);
                log("SERVER_STOP", server.handle());
            }
        }
    }

    @Override
    public Optional<ServerHandle> running(DeploymentId id, ServerHandle.Role role) {
        Supervised server = running.get(new Key(id, role));
        if (server != null && !server.process().isAlive()) {
            return Optional.empty();
        }
        return Optional.ofNullable(server).map(Supervised::handle);
    }

    @Override
    public ServerHandle promote(DeploymentId id) {
        synchronized (lock(id)) {
            Supervised candidate = running.remove(new Key(id, ServerHandle.Role.CANDIDATE));
            if (candidate == null) {
                throw new IllegalStateException("no candidate runs for " + id);
            }
            Supervised resident = running.remove(new Key(id, ServerHandle.Role.RESIDENT));
            if (resident != null) {
                terminate(resident);
                log("SERVER_STOP", resident.handle());
            }
            candidate.role(ServerHandle.Role.RESIDENT);
            journal.changeRole(candidate.handle().id(), ServerHandle.Role.RESIDENT.wireName());
            running.put(new Key(id, ServerHandle.Role.RESIDENT), candidate);
            return candidate.handle();
        }
    }

    /** The MCP session of a running server (for probes). */
    Supervised supervised(ServerHandle handle) {
        Supervised server = running.get(new Key(handle.deployment(), handle.role()));
        if (server == null || !server.handle().id().equals(handle.id())) {
            throw new IllegalStateException("server " + handle.id() + " of " + handle.deployment() + " is not running");
        }
        return server;
    }

    /**
     * After a switch: a resident on another release is restarted on the active one — unless a candidate already runs
     * the active release (a migration in flight promotes it itself).
     */
    @Override
    public void activated(Deployment deployment) {
        String dir = deployment.state().releaseDir();
        if (!keepResidents || dir == null) {
            return;
        }
        Optional<ServerHandle> candidate = running(deployment.id(), ServerHandle.Role.CANDIDATE);
        Optional<ServerHandle> resident = running(deployment.id(), ServerHandle.Role.RESIDENT);
        if (candidate.map(ServerHandle::releaseDir).equals(Optional.of(dir))
                || resident.map(ServerHandle::releaseDir).equals(Optional.of(dir))) {
            return;
        }
        ensureResident(deployment);
    }

    /** Starts the resident of an active deployment if it is not running its active release; failures are logged. */
    public void ensureResident(Deployment deployment) {
        String dir = deployment.state().releaseDir();
        if (dir == null) {
            return;
        }
        try {
            start(
                    deployment.id(),
                    ServerHandle.Role.RESIDENT,
                    dir,
                    deployment.state().launch(),
                    deployment.state().config());
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .addKeyValue("operation", "SERVER_START_FAILED")
                    .addKeyValue("deployment", deployment.id().toString())
                    .log("resident of {} did not start: {}", deployment.id(), e.getMessage());
        }
    }

    /** Stops processes a previous mcpver started and did not stop (it crashed); forgets every journal entry. */
    public int reapOrphans() {
        int reaped = 0;
        for (ProcessJournal.Entry entry : journal.all()) {
            if (running.values().stream().anyMatch(s -> s.handle().id().equals(entry.id()))) {
                continue;
            }
            Optional<ProcessHandle> process = ProcessHandle.of(entry.pid())
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> entry.processStart() == null
                            || p.info()
                                    .startInstant()
                                    .map(entry.processStart()::equals)
                                    .orElse(false));
            if (process.isPresent()) {
                kill(process.get());
                reaped++;
            }
            journal.forget(entry.id());
        }
        return reaped;
    }

    private void terminate(Supervised server) {
        server.closeSession();
        Process process = server.process();
        try {
            process.getOutputStream().close(); // stdio servers exit on end of input
        } catch (IOException ignored) {
            // already closed
        }
        if (!waitFor(process, Duration.ofSeconds(3))) {
            kill(process.toHandle());
        }
        journal.forget(server.handle().id());
    }

    private static void kill(ProcessHandle process) {
        process.destroy();
        if (!awaitExit(process, GRACE)) {
            process.destroyForcibly();
            awaitExit(process, GRACE);
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops every process (service shutdown). */
    @Override
    public void close() {
        for (Key key : List.copyOf(running.keySet())) {
            stop(key.deployment(), key.role());
        }
    }

    private Object lock(DeploymentId id) {
        return locks.computeIfAbsent(id, k -> new Object());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port: " + e.getMessage(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerStartException("interrupted while waiting for the server", e);
        }
    }

    private static void log(String operation, ServerHandle handle) {
        LOG.atInfo()
                .addKeyValue("operation", operation)
                .addKeyValue("deployment", handle.deployment().toString())
                .addKeyValue("role", handle.role().wireName())
                .addKeyValue("release", handle.releaseDir())
                .addKeyValue("pid", handle.pid())
                .log("{} {} {} (pid {})", operation, handle.deployment(), handle.releaseDir(), handle.pid());
    }

    /**
     * Starts an extra process of a release for the MCP gateway, which speaks JSON-RPC to it itself (no SDK session is
     * opened here): on its stdin/stdout, or at its URL for HTTP launch specs (on a free port). Same command, working directory and environment (secrets resolved from
     * the deployment's configuration) as a resident; journaled with role {@code gateway} so a crash's orphans are
     * reaped on the next start. The caller owns the process and ends it with {@link #releaseUpstream}.
     */
    public UpstreamProcess spawnUpstream(
            DeploymentId id, String releaseDir, LaunchSpec launch, List<ConfigEntry> config) {
        Path dir = layout.release(id, releaseDir);
        LaunchSpec expanded = launch.expand(dir.toString(), launch.usesPort() ? freePort() : 0);
        List<String> command = new ArrayList<>();
        command.add(expanded.command());
        command.addAll(expanded.args());
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment(id, dir, config));
        boolean http = expanded.transport() == LaunchSpec.Transport.HTTP;
        Process process = spawn(builder, id);
        String entryId = ids.get();
        journal.record(new ProcessJournal.Entry(
                entryId,
                id,
                UpstreamProcess.ROLE,
                releaseDir,
                process.pid(),
                process.info().startInstant().orElse(null),
                clock.instant()));
        return new UpstreamProcess(entryId, id, releaseDir, process, http ? expanded.url() : null);
    }

    /** Ends a gateway upstream: closes its input (stdio servers exit), then signals it; forgets its journal entry. */
    public void releaseUpstream(UpstreamProcess upstream) {
        Process process = upstream.process();
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already closed
        }
        if (!waitFor(process, Duration.ofSeconds(2))) {
            kill(process.toHandle());
        }
        journal.forget(upstream.id());
    }

    /** For tests and status pages: every running server. */
    public List<ServerHandle> all() {
        return running.values().stream().map(Supervised::handle).toList();
    }
}
