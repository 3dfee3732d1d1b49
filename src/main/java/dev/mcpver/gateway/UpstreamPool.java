package dev.mcpver.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpver.BuildInfo;
import dev.mcpver.deploy.UpstreamProcess;
import dev.mcpver.rollback.DeploymentId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processes serving one version of one deployment: a fixed number of slots, each started on first use and
 * restarted when its process dies. A version whose processes fail to start {@value #EJECT_AFTER} times in a row is
 * ejected for {@link #EJECTION}: the gateway fails over to another version meanwhile. Thread-safe.
 */
final class UpstreamPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UpstreamPool.class);
    static final int EJECT_AFTER = 2;
    static final Duration EJECTION = Duration.ofSeconds(30);

    private final DeploymentId deployment;
    private final String version;
    private final UpstreamLauncher launcher;
    private final ObjectMapper mapper;
    private final UpstreamChannel.Listener listener;
    private final Duration startTimeout;
    private final Clock clock;
    private final @Nullable UpstreamChannel[] slots;
    private final Map<UpstreamChannel, UpstreamProcess> processes = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger restarts = new AtomicInteger();
    private int failures;
    private volatile Instant ejectedUntil = Instant.MIN;
    private volatile boolean closed;

    @SuppressWarnings("TooManyParameters") // one pool's collaborators
    UpstreamPool(
            DeploymentId deployment,
            String version,
            int size,
            UpstreamLauncher launcher,
            ObjectMapper mapper,
            UpstreamChannel.Listener listener,
            Duration startTimeout,
            Clock clock) {
        this.deployment = deployment;
        this.version = version;
        this.launcher = launcher;
        this.mapper = mapper;
        this.listener = listener;
        this.startTimeout = startTimeout;
        this.clock = clock;
        this.slots = new UpstreamChannel[size];
    }

    String version() {
        return version;
    }

    /** Whether the version may be used now (not ejected). */
    boolean healthy() {
        return !clock.instant().isBefore(ejectedUntil);
    }

    /** How many processes were started again after one died or failed its health check. */
    int restarts() {
        return restarts.get();
    }

    /** A live connection, starting or restarting its process when needed. */
    UpstreamChannel acquire() {
        int slot = Math.floorMod(next.getAndIncrement(), slots.length);
        UpstreamChannel channel = slots[slot];
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        synchronized (this) {
            channel = slots[slot];
            if (channel != null && channel.isOpen()) {
                return channel;
            }
            if (closed) {
                throw new UpstreamUnavailableException("the gateway is closing", null);
            }
            if (!healthy()) {
                throw new UpstreamUnavailableException(
                        "version " + version + " is ejected after failing to start", null);
            }
            if (channel != null) {
                retire(channel);
                restarts.incrementAndGet();
            }
            UpstreamChannel started = start();
            slots[slot] = started;
            return started;
        }
    }

    private UpstreamChannel start() {
        UpstreamProcess process;
        try {
            process = launcher.launch(deployment, version);
        } catch (RuntimeException e) {
            throw failed(e);
        }
        String url = process.url();
        UpstreamChannel channel = url == null
                ? new StdioUpstreamChannel(version, process.process(), mapper, listener)
                : new HttpUpstreamChannel(version, process.process(), java.net.URI.create(url), mapper, listener);
        try {
            channel.initialize(startTimeout, BuildInfo.version());
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .addKeyValue("operation", "GATEWAY_UPSTREAM_START_FAILED")
                    .addKeyValue("deployment", deployment.toString())
                    .addKeyValue("version", version)
                    .log("upstream {} of {} failed its handshake; stderr: {}", version, deployment, channel.tail());
            channel.close();
            launcher.release(process);
            throw failed(e);
        }
        processes.put(channel, process);
        failures = 0;
        LOG.atInfo()
                .addKeyValue("operation", "GATEWAY_UPSTREAM_START")
                .addKeyValue("deployment", deployment.toString())
                .addKeyValue("version", version)
                .addKeyValue("pid", channel.pid())
                .log("gateway upstream {} of {} started (pid {})", version, deployment, channel.pid());
        return channel;
    }

    private UpstreamUnavailableException failed(RuntimeException cause) {
        failures++;
        if (failures >= EJECT_AFTER) {
            ejectedUntil = clock.instant().plus(EJECTION);
            failures = 0;
            LOG.atWarn()
                    .addKeyValue("operation", "GATEWAY_UPSTREAM_EJECTED")
                    .addKeyValue("deployment", deployment.toString())
                    .addKeyValue("version", version)
                    .log("version {} of {} ejected for {} s", version, deployment, EJECTION.toSeconds());
        }
        return cause instanceof UpstreamUnavailableException u
                ? u
                : new UpstreamUnavailableException("version " + version + " did not start", cause);
    }

    /** Called when a channel's process died: it is released now, and restarted in the background by the caller. */
    void died(UpstreamChannel channel) {
        retire(channel);
    }

    private void retire(UpstreamChannel channel) {
        channel.close();
        UpstreamProcess process = processes.remove(channel);
        if (process != null) {
            launcher.release(process);
        }
    }

    /** Whether some started slot has no live process (a restart is due). */
    boolean needsRestart() {
        for (UpstreamChannel channel : slots) {
            if (channel != null && !channel.isOpen()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Pings every started process; one that does not answer within {@code timeout} is ended and started again, as is
     * one that died. A failure to restart counts towards ejection.
     */
    void healthCheck(Duration timeout) {
        for (int i = 0; i < slots.length; i++) {
            UpstreamChannel channel = slots[i];
            if (channel == null || closed) {
                continue;
            }
            if (channel.isOpen() && !answersPing(channel, timeout)) {
                retire(channel);
            }
            if (!channel.isOpen()) {
                restartSlot(i);
            }
        }
    }

    private synchronized void restartSlot(int slot) {
        UpstreamChannel channel = slots[slot];
        if (channel == null || channel.isOpen() || closed || !healthy()) {
            return;
        }
        retire(channel);
        try {
            slots[slot] = start();
            restarts.incrementAndGet();
        } catch (UpstreamUnavailableException e) {
            LOG.atWarn()
                    .addKeyValue("operation", "GATEWAY_UPSTREAM_RESTART_FAILED")
                    .addKeyValue("version", version)
                    .log("restart of {} of {} failed: {}", version, deployment, e.getMessage());
        }
    }

    private static boolean answersPing(UpstreamChannel channel, Duration timeout) {
        try {
            return !channel.request("ping", null)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .has("error");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /** The pids of the live processes (tests, status). */
    java.util.List<Long> pids() {
        java.util.List<Long> pids = new java.util.ArrayList<>();
        for (UpstreamChannel channel : slots) {
            if (channel != null && channel.isOpen()) {
                pids.add(channel.pid());
            }
        }
        return pids;
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (int i = 0; i < slots.length; i++) {
            UpstreamChannel channel = slots[i];
            if (channel != null) {
                retire(channel);
                slots[i] = null;
            }
        }
    }
}
