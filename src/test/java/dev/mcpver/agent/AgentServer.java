package dev.mcpver.agent;

import dev.mcpver.AppConfig;
import dev.mcpver.auth.Authenticator;
import dev.mcpver.auth.Caller;
import dev.mcpver.auth.Role;
import dev.mcpver.http.Access;
import dev.mcpver.http.AgentRoutes;
import dev.mcpver.http.ErrorMapper;
import dev.mcpver.http.HttpServer;
import dev.mcpver.json.Json;
import dev.mcpver.testing.HttpTestClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The agent's routes on a real Javalin server (port 0), with two known tokens: "op" (operator) and "view". */
final class AgentServer implements AutoCloseable {
    final HttpServer server;
    final HttpTestClient client;

    AgentServer(AgentHarness harness) {
        Authenticator tokens = token -> switch (token) {
            case "op" -> Optional.of(new Caller("op-token", Role.OPERATOR));
            case "view" -> Optional.of(new Caller("view-token", Role.VIEWER));
            default -> Optional.empty();
        };
        Access access = new Access(tokens, true);
        this.server = new HttpServer(
                        AppConfig.load(Map.of(), Map.of("port", "0")),
                        Json.create(),
                        new ErrorMapper(),
                        access,
                        List.of(new AgentRoutes(harness.agent, access)),
                        List.of())
                .start();
        this.client = new HttpTestClient(server.port());
    }

    HttpTestClient.Reply post(String path, String body, String token) {
        return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.base() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    @Override
    public void close() {
        server.close();
    }
}
