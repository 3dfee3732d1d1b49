package dev.mcpver.gateway;

import dev.mcpver.GatewaySettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchTimingTest {
    @TempDir
    Path temp;

    @Test
    void time() {
        try (GatewayTestbed t =
                new GatewayTestbed(temp, GatewaySettings.defaults().withLimits(1_000_000, 1_000_000, 512))) {
            String url = t.baseUrl() + GatewayTestbed.ENDPOINT;
            RawMcp.Answer opened =
                    RawMcp.post(url, RawMcp.initialize(1), Map.of("Authorization", "Bearer " + GatewayTestbed.TOKEN));
            Map<String, String> h = new HashMap<>(Map.of("Authorization", "Bearer " + GatewayTestbed.TOKEN));
            h.put(
                    "Mcp-Session-Id",
                    opened.response().headers().firstValue("Mcp-Session-Id").orElseThrow());
            for (int round = 0; round < 3; round++) {
                long[] n = new long[3000];
                for (int i = 0; i < n.length; i++) {
                    long s = System.nanoTime();
                    RawMcp.post(url, RawMcp.call(i, "add", "{\"a\":1,\"b\":2}"), h);
                    n[i] = System.nanoTime() - s;
                }
                Arrays.sort(n);
                System.err.println("TIMING median " + n[1500] / 1e6 + " p99 " + n[2970] / 1e6 + " min " + n[0] / 1e6);
            }
        }
    }
}
