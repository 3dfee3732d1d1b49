package dev.mcpver.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A hosted endpoint of the server, as in {@code server.json}'s {@code remotes[]}.
 *
 * @param type {@code streamable-http} or {@code sse}
 * @param url the endpoint
 */
public record RemoteSpec(
        @JsonProperty("type") String type,
        @JsonProperty("url") String url) {
    public RemoteSpec {
        if (type == null || !List.of("streamable-http", "sse").contains(type)) {
            throw new IllegalArgumentException("remotes[].type: expected streamable-http or sse, got \"" + type + "\"");
        }
        url = Checks.httpUrl(url, "remotes[].url");
    }
}
