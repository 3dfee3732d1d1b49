package dev.mcpver.clientconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pinning a server entry of Claude Desktop, Cursor and VS Code configurations. */
class ClientConfigRewriterTest {
    private static final String CLAUDE = """
            {
              "mcpServers": {
                "github": {
                  "command": "npx",
                  "args": ["-y", "@modelcontextprotocol/server-github@2025.4.8"],
                  "env": { "GITHUB_TOKEN": "x" }
                },
                "files": {
                  "command": "npx",
                  "args": ["-y", "@modelcontextprotocol/server-filesystem@1.2.0", "/home"]
                }
              }
            }
            """;

    @Test
    void should_pin_only_the_named_server_and_keep_the_rest_byte_for_byte() {
        ClientConfigRewriter.Rewrite rewrite = ClientConfigRewriter.pin(CLAUDE, "files", "1.3.0", null);

        assertThat(rewrite.fromVersion()).isEqualTo("1.2.0");
        assertThat(rewrite.after()).isEqualTo(CLAUDE.replace("server-filesystem@1.2.0", "server-filesystem@1.3.0"));
        assertThat(rewrite.changes())
                .containsExactly(
                        "@modelcontextprotocol/server-filesystem@1.2.0 -> @modelcontextprotocol/server-filesystem@1.3.0");
        assertThat(ConfigFiles.diff("claude_desktop_config.json", rewrite.before(), rewrite.after()))
                .isEqualTo("""
                --- a/claude_desktop_config.json
                +++ b/claude_desktop_config.json
                @@ -10,1 +10,1 @@
                -      "args": ["-y", "@modelcontextprotocol/server-filesystem@1.2.0", "/home"]
                +      "args": ["-y", "@modelcontextprotocol/server-filesystem@1.3.0", "/home"]
                """);
    }

    @Test
    void should_rewrite_vscode_servers_with_comments_python_pins_images_and_release_paths() {
        String vscode = """
                {
                  // servers for this workspace
                  "servers": {
                    "py": { "type": "stdio", "command": "uvx", "args": ["mcp-server-fetch==0.6.2"] },
                    "img": { "command": "docker", "args": ["run", "-i", "ghcr.io/acme/mcp:0.6.2"], },
                    "local": { "command": "node", "args": ["/srv/mcpver/deployments/local/prod/releases/0.6.2/index.js"] }
                  }
                }
                """;

        assertThat(ClientConfigRewriter.pin(vscode, "py", "0.7.0", null).after())
                .contains("mcp-server-fetch==0.7.0")
                .contains("// servers for this workspace")
                .contains("ghcr.io/acme/mcp:0.6.2");
        assertThat(ClientConfigRewriter.pin(vscode, "img", "0.7.0", null).after())
                .contains("ghcr.io/acme/mcp:0.7.0");
        assertThat(ClientConfigRewriter.pin(vscode, "local", "0.7.0", null).after())
                .contains("/releases/0.7.0/index.js");
    }

    @Test
    void should_pin_an_unpinned_npx_package() {
        String cursor =
                "{\"mcpServers\":{\"fs\":{\"command\":\"npx\",\"args\":[\"-y\",\"@modelcontextprotocol/server-filesystem\",\"/tmp\"]}}}";

        ClientConfigRewriter.Rewrite rewrite = ClientConfigRewriter.pin(cursor, "fs", "2.0.0", null);

        assertThat(rewrite.fromVersion()).isNull();
        assertThat(rewrite.after()).contains("\"@modelcontextprotocol/server-filesystem@2.0.0\",\"/tmp\"");
    }

    @Test
    void should_refuse_unknown_servers_ambiguous_pins_and_broken_json() {
        String two = "{\"mcpServers\":{\"x\":{\"command\":\"npx\",\"args\":[\"a@1.0.0\",\"b@2.0.0\"]}}}";

        assertThatThrownBy(() -> ClientConfigRewriter.pin(CLAUDE, "nope", "1.0.0", null))
                .hasMessage("no server named nope under mcpServers or servers");
        assertThatThrownBy(() -> ClientConfigRewriter.pin(two, "x", "3.0.0", null))
                .hasMessageContaining("pins several versions [1.0.0, 2.0.0]: say which one with --from");
        assertThat(ClientConfigRewriter.pin(two, "x", "3.0.0", "2.0.0").after())
                .contains("a@1.0.0")
                .contains("b@3.0.0");
        assertThatThrownBy(() -> ClientConfigRewriter.pin("{\"mcpServers\": {", "x", "1.0.0", null))
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> ClientConfigRewriter.pin(CLAUDE, "files", "latest", null))
                .hasMessageContaining("--to must be a version");
    }

    @Test
    void should_write_atomically_and_keep_a_backup(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("mcp.json"), CLAUDE);
        Clock clock = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);

        Path backup = ConfigFiles.replace(file, CLAUDE.replace("1.2.0", "1.3.0"), clock);

        assertThat(backup.getFileName().toString()).isEqualTo("mcp.json.bak-20260501T100000Z");
        assertThat(Files.readString(backup)).isEqualTo(CLAUDE);
        assertThat(Files.readString(file)).contains("server-filesystem@1.3.0");
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(2);
        }
    }
}
