package dev.mcpver.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpver.GatewaySettings;
import dev.mcpver.abtest.Assignment;
import dev.mcpver.abtest.ExperimentConflictException;
import dev.mcpver.abtest.ExperimentService;
import dev.mcpver.rollback.DeploymentId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's core, independent of the front's transport: opens sessions (assigning them through the deployment's
 * running experiment), forwards their JSON-RPC messages faithfully to pooled upstreams of the version
 * {@link RoutePolicy} picks — ids and progress tokens remapped per upstream, results never rewritten — measures every
 * {@code tools/call} into {@link WireMetrics}, enforces per-client rate limits and a bound on requests in flight, and
 * health-checks the upstreams in the background. Thread-safe.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    /** JSON-RPC code of an upstream that cannot answer (not running, died, ejected). */
    public static final int UNAVAILABLE = -32003;
    /** JSON-RPC code of an upstream that did not answer in time. */
    public static final int TIMED_OUT = -32004;

    static final Duration SESSION_IDLE = Duration.ofMinutes(30);

    private record PoolKey(DeploymentId deployment, String version) {}

    private record ProgressRoute(
            GatewaySession session,
            JsonNode token,
            @Nullable Consumer<ObjectNode> sink) {}

    private record Route(UpstreamChannel channel, boolean failedOver) {}

    /** A new session and the {@code initialize} response for it. */
    public record Opened(GatewaySession session, ObjectNode response) {}

    private final RoutingViews views;
    private final UpstreamLauncher launcher;
    private final ExperimentService experiments;
    private final WireMetrics metrics;
    private final GatewaySettings settings;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Map<PoolKey, UpstreamPool> pools = new ConcurrentHashMap<>();
    private final Map<String, GatewaySession> sessions = new ConcurrentHashMap<>();
    private final Map<String, ProgressRoute> progress = new ConcurrentHashMap<>();
    private final AtomicLong progressIds = new AtomicLong();
    private final RateLimiter limiter;
    private final Semaphore permits;
    private final ScheduledExecutorService background;

    @SuppressWarnings("TooManyParameters") // the composition of the gateway
    public Gateway(
            RoutingViews views,
            UpstreamLauncher launcher,
            ExperimentService experiments,
            WireMetrics metrics,
            GatewaySettings settings,
            ObjectMapper mapper,
            Clock clock) {
        this.views = views;
        this.launcher = launcher;
        this.experiments = experiments;
        this.metrics = metrics;
        this.settings = settings;
        this.mapper = mapper;
        this.clock = clock;
        this.limiter = new RateLimiter(settings.ratePerSecond(), settings.burst(), System::nanoTime);
        this.permits = new Semaphore(settings.maxInFlight());
        this.background = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "gateway-background");
            thread.setDaemon(true);
            return thread;
        });
        metrics.onBacklog(() -> background.execute(this::flushQuietly));
    }

    /** Starts the background work: metrics flushes, health checks, idle-session expiry. */
    public Gateway start() {
        background.scheduleWithFixedDelay(this::flushQuietly, 200, 200, TimeUnit.MILLISECONDS);
        long health = settings.healthInterval().toMillis();
        background.scheduleWithFixedDelay(this::checkHealth, health, health, TimeUnit.MILLISECONDS);
        return this;
    }

    // ------------------------------------------------------------------ sessions

    /** Opens a session on {@code initialize}: assigns it, starts the upstream if needed, answers with its result. */
    public Opened open(DeploymentId id, @Nullable String clientId, ObjectNode initialize) {
        RoutePolicy.DeploymentView view = views.view(id);
        String sessionId = UUID.randomUUID().toString();
        String unit = clientId == null ? "session:" + sessionId : "client:" + clientId;
        RoutePolicy.Assignment assignment = assign(view, unit);
        String version = RoutePolicy.target(assignment, view, settings.moveExistingSessions());
        Route route = route(id, view, version);
        ObjectNode result = route.channel().initializeResult().deepCopy();
        String requested = initialize.path("params").path("protocolVersion").asText("");
        String offered = result.path("protocolVersion").asText(UpstreamChannel.PROTOCOL_VERSION);
        String agreed = !requested.isEmpty() && requested.compareTo(offered) < 0 ? requested : offered;
        result.put("protocolVersion", agreed);
        GatewaySession session = new GatewaySession(
                sessionId, id, unit, assignment, agreed, route.channel().version(), clock.instant());
        sessions.put(sessionId, session);
        LOG.atInfo()
                .addKeyValue("operation", "GATEWAY_SESSION_OPEN")
                .addKeyValue("deployment", id.toString())
                .addKeyValue("version", route.channel().version())
                .addKeyValue("variant", assignment == null ? "" : assignment.variant())
                .log("gateway session for {} on {}", id, route.channel().version());
        return new Opened(session, response(initialize.get("id"), result));
    }

    /** A session for one request of a client without a session (the stateless protocol revision). */
    public GatewaySession ephemeral(DeploymentId id, @Nullable String clientId) {
        RoutePolicy.DeploymentView view = views.view(id);
        String sessionId = UUID.randomUUID().toString();
        String unit = clientId == null ? "request:" + sessionId : "client:" + clientId;
        RoutePolicy.Assignment assignment = assign(view, unit);
        String version = RoutePolicy.target(assignment, view, settings.moveExistingSessions());
        return new GatewaySession(
                sessionId, id, unit, assignment, UpstreamChannel.PROTOCOL_VERSION, version, clock.instant());
    }

    private RoutePolicy.@Nullable Assignment assign(RoutePolicy.DeploymentView view, String unit) {
        RoutePolicy.ExperimentView experiment = view.experiment();
        if (experiment == null || !RoutePolicy.assigns(view)) {
            return null;
        }
        try {
            Assignment assigned = experiments.assign(experiment.id(), unit);
            return new RoutePolicy.Assignment(experiment.id(), assigned.variant(), assigned.version());
        } catch (ExperimentConflictException e) {
            views.invalidate(); // stopped since the view was read
            return null;
        }
    }

    public Optional<GatewaySession> session(String id) {
        GatewaySession session = sessions.get(id);
        return Optional.ofNullable(session);
    }

    /** Ends a session (HTTP DELETE, or the client went away). */
    public void close(String sessionId) {
        GatewaySession session = sessions.remove(sessionId);
        if (session != null) {
            session.closed();
        }
    }

    // ------------------------------------------------------------------ messages

    /**
     * Forwards a request; the future completes with the response under the client's id (never exceptionally).
     *
     * @param progressSink where progress notifications for this request go (a streamed HTTP answer); null sends them
     *     to the session's stream
     * @throws GatewayException when the client is over its rate or the gateway is full (nothing was forwarded)
     */
    public CompletableFuture<ObjectNode> request(
            GatewaySession session, ObjectNode message, @Nullable Consumer<ObjectNode> progressSink) {
        if (!limiter.tryAcquire(session.unit())) {
            throw new GatewayException(GatewayException.Kind.RATE_LIMITED, "too many requests; slow down");
        }
        if (!permits.tryAcquire()) {
            throw new GatewayException(GatewayException.Kind.BUSY, "the gateway is at its limit of requests in flight");
        }
        try {
            return forward(session, message, progressSink).whenComplete((r, e) -> permits.release());
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** A request being forwarded: what the answer and the observation need. */
    private record Forwarded(
            GatewaySession session,
            ObjectNode message,
            @Nullable JsonNode clientId,
            RoutePolicy.@Nullable Assignment measuredAs,
            long started) {}

    private CompletableFuture<ObjectNode> forward(
            GatewaySession session, ObjectNode message, @Nullable Consumer<ObjectNode> progressSink) {
        JsonNode clientId = message.get("id");
        String method = message.path("method").asText();
        if (method.equals("ping")) {
            return CompletableFuture.completedFuture(response(clientId, mapper.createObjectNode()));
        }
        RoutePolicy.DeploymentView view = views.view(session.deployment());
        boolean measured = method.equals("tools/call") && RoutePolicy.measured(session.assignment(), view);
        Forwarded call =
                new Forwarded(session, message, clientId, measured ? session.assignment() : null, System.nanoTime());
        Route route;
        try {
            route = route(
                    session.deployment(),
                    view,
                    RoutePolicy.target(session.assignment(), view, settings.moveExistingSessions()));
        } catch (UpstreamUnavailableException e) {
            record(call, true);
            return CompletableFuture.completedFuture(error(clientId, UNAVAILABLE, "the server is unavailable"));
        }
        session.served(route.channel().version(), clock.instant());
        return send(call, route, progressSink);
    }

    private CompletableFuture<ObjectNode> send(Forwarded call, Route route, @Nullable Consumer<ObjectNode> sink) {
        String token = registerProgress(call.session(), call.message(), sink);
        ObjectNode outgoing = token == null ? call.message() : withProgressToken(call.message(), token);
        long[] upstreamId = new long[1];
        CompletableFuture<ObjectNode> answer = route.channel().forward(outgoing, id -> upstreamId[0] = id);
        if (call.clientId() != null) {
            call.session().inFlight().put(call.clientId(), new GatewaySession.InFlight(route.channel(), upstreamId[0]));
        }
        return answer.orTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> settle(call, route, token, upstreamId[0], response, failure));
    }

    /** The client's answer to a forwarded request, once the upstream answered, failed or timed out. */
    private ObjectNode settle(
            Forwarded call,
            Route route,
            @Nullable String token,
            long upstreamId,
            @Nullable ObjectNode response,
            @Nullable Throwable failure) {
        if (call.clientId() != null) {
            call.session().inFlight().remove(call.clientId());
        }
        if (token != null) {
            progress.remove(token);
        }
        ObjectNode answered = answer(call.clientId(), response, failure, route.channel(), upstreamId);
        record(call, route.failedOver() || failed(answered));
        return answered;
    }

    private ObjectNode answer(
            @Nullable JsonNode clientId,
            @Nullable ObjectNode response,
            @Nullable Throwable failure,
            UpstreamChannel channel,
            long upstreamId) {
        if (failure == null && response != null) {
            ObjectNode copy = response.deepCopy();
            copy.set("id", clientId);
            return copy;
        }
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            channel.abandon(upstreamId);
            ObjectNode params = mapper.createObjectNode().put("requestId", upstreamId);
            params.put("reason", "timed out at the mcpver gateway");
            channel.notify("notifications/cancelled", params);
            return error(clientId, TIMED_OUT, "the server did not answer in time");
        }
        return error(clientId, UNAVAILABLE, "the server stopped while answering");
    }

    private static boolean failed(ObjectNode response) {
        return response.has("error") || response.path("result").path("isError").asBoolean(false);
    }

    private void record(Forwarded call, boolean failed) {
        RoutePolicy.Assignment measuredAs = call.measuredAs();
        if (measuredAs == null) {
            return;
        }
        String tool = call.message().path("params").path("name").asText("");
        double latencyMs = (System.nanoTime() - call.started()) / 1e6;
        metrics.record(new WireMetrics.Call(measuredAs.experimentId(), measuredAs.variant(), tool, latencyMs, failed));
    }

    /** The upstream for a version, failing over to the control (or the active version) when it cannot serve. */
    private Route route(DeploymentId id, RoutePolicy.DeploymentView view, String version) {
        try {
            return new Route(pool(id, version).acquire(), false);
        } catch (UpstreamUnavailableException e) {
            RoutePolicy.ExperimentView experiment = view.experiment();
            String fallback = experiment != null ? experiment.controlVersion() : view.activeVersion();
            if (fallback.equals(version)) {
                throw e;
            }
            LOG.atWarn()
                    .addKeyValue("operation", "GATEWAY_FAILOVER")
                    .addKeyValue("deployment", id.toString())
                    .addKeyValue("from", version)
                    .addKeyValue("to", fallback)
                    .log(
                            "version {} of {} cannot serve ({}); failing over to {}",
                            version,
                            id,
                            e.getMessage(),
                            fallback);
            return new Route(pool(id, fallback).acquire(), true);
        }
    }

    /** Client notifications: cancellation is forwarded under the upstream id; the rest is not relayed. */
    public void notification(GatewaySession session, ObjectNode message) {
        if (!"notifications/cancelled".equals(message.path("method").asText())) {
            return; // initialized: the upstream is initialized once by the gateway; roots and others are per agent
        }
        JsonNode requestId = message.path("params").get("requestId");
        GatewaySession.InFlight flight =
                requestId == null ? null : session.inFlight().get(requestId);
        if (flight != null) {
            ObjectNode params = message.path("params").deepCopy();
            params.put("requestId", flight.upstreamId());
            flight.channel().notify("notifications/cancelled", params);
        }
    }

    private @Nullable String registerProgress(
            GatewaySession session, ObjectNode message, @Nullable Consumer<ObjectNode> sink) {
        JsonNode token = message.path("params").path("_meta").get("progressToken");
        if (token == null || token.isNull()) {
            return null;
        }
        String mine = "mcpver-" + progressIds.incrementAndGet();
        progress.put(mine, new ProgressRoute(session, token, sink));
        return mine;
    }

    private static ObjectNode withProgressToken(ObjectNode message, String token) {
        ObjectNode copy = message.deepCopy();
        ((ObjectNode) copy.path("params").path("_meta")).put("progressToken", token);
        return copy;
    }

    /** Notifications from an upstream: progress goes to its request's client, the rest to the sessions it serves. */
    private void upstreamNotification(DeploymentId deployment, UpstreamChannel channel, ObjectNode message) {
        String method = message.path("method").asText();
        if (method.equals("notifications/progress")) {
            ProgressRoute route =
                    progress.get(message.path("params").path("progressToken").asText());
            if (route != null) {
                ObjectNode copy = message.deepCopy();
                ((ObjectNode) copy.path("params")).set("progressToken", route.token());
                if (route.sink() != null) {
                    route.sink().accept(copy);
                } else {
                    route.session().push(copy);
                }
            }
            return;
        }
        if (method.equals("notifications/cancelled")) {
            return; // the server cancelling its own request to a client: none was relayed
        }
        for (GatewaySession session : sessions.values()) {
            if (session.deployment().equals(deployment) && session.lastVersion().equals(channel.version())) {
                session.push(message.deepCopy());
            }
        }
    }

    private UpstreamPool pool(DeploymentId id, String version) {
        return pools.computeIfAbsent(
                new PoolKey(id, version),
                key -> new UpstreamPool(
                        id,
                        version,
                        settings.upstreamsPerVersion(),
                        launcher,
                        mapper,
                        new UpstreamChannel.Listener() {
                            @Override
                            public void notification(UpstreamChannel channel, ObjectNode message) {
                                upstreamNotification(id, channel, message);
                            }

                            @Override
                            public void closed(UpstreamChannel channel) {
                                upstreamDied(key, channel);
                            }
                        },
                        settings.requestTimeout().compareTo(Duration.ofSeconds(60)) < 0
                                ? Duration.ofSeconds(60)
                                : settings.requestTimeout(),
                        clock));
    }

    private void upstreamDied(PoolKey key, UpstreamChannel channel) {
        UpstreamPool pool = pools.get(key);
        if (pool == null || background.isShutdown()) {
            return;
        }
        background.execute(() -> {
            pool.died(channel);
            pool.healthCheck(Duration.ofSeconds(5)); // restarts the slot now, not at the next call
        });
    }

    // ------------------------------------------------------------------ background

    private void flushQuietly() {
        try {
            metrics.flush();
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .addKeyValue("operation", "GATEWAY_METRICS_FLUSH_FAILED")
                    .log("flush failed: {}", e.getMessage());
        }
    }

    private void checkHealth() {
        try {
            for (UpstreamPool pool : pools.values()) {
                pool.healthCheck(Duration.ofSeconds(5));
            }
            Instant idle = clock.instant().minus(SESSION_IDLE);
            sessions.values().stream()
                    .filter(s -> s.lastSeen().isBefore(idle))
                    .map(GatewaySession::id)
                    .toList()
                    .forEach(this::close);
            limiter.forgetIdle();
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .addKeyValue("operation", "GATEWAY_HEALTH_FAILED")
                    .log("health check failed: {}", e.getMessage());
        }
    }

    /** Sends queued observations now (tests, shutdown). */
    public int flushMetrics() {
        return metrics.flush();
    }

    public WireMetrics metrics() {
        return metrics;
    }

    /** Re-reads routes now (after a decision or weight change made in this process). */
    public void refreshRoutes() {
        views.invalidate();
    }

    /** Live upstream pids of a version (tests, status). */
    public List<Long> upstreamPids(DeploymentId id, String version) {
        UpstreamPool pool = pools.get(new PoolKey(id, version));
        return pool == null ? List.of() : pool.pids();
    }

    /** Runs the health check of every upstream now (tests). */
    public void checkHealthNow() {
        checkHealth();
    }

    // ------------------------------------------------------------------ JSON-RPC

    private ObjectNode response(@Nullable JsonNode id, JsonNode result) {
        ObjectNode response = mapper.createObjectNode();
        response.put("jsonrpc", "2.0");
        response.set("id", id);
        response.set("result", result);
        return response;
    }

    /** A JSON-RPC error answer of the gateway's own (no upstream details: those stay in the operator's log). */
    public ObjectNode error(@Nullable JsonNode id, int code, String message) {
        ObjectNode response = mapper.createObjectNode();
        response.put("jsonrpc", "2.0");
        response.set("id", id);
        response.putObject("error").put("code", code).put("message", message);
        return response;
    }

    @Override
    public void close() {
        background.shutdownNow();
        flushQuietly();
        pools.values().forEach(UpstreamPool::close);
        pools.clear();
        List.copyOf(sessions.keySet()).forEach(this::close);
    }
}
