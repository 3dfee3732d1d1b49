// A minimal stdio MCP server for the gateway benchmark: one tool, echo, answered at once. Jackson only (run with the
// fat jar on the class path):  java -cp target/mcpver.jar bench/gateway/EchoServer.java
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

public class EchoServer {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        OutputStream out = System.out;
        System.setOut(new PrintStream(System.err, true, StandardCharsets.UTF_8));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            JsonNode message = MAPPER.readTree(line);
            if (!message.hasNonNull("id") || !message.has("method")) {
                continue;
            }
            ObjectNode reply = MAPPER.createObjectNode().put("jsonrpc", "2.0");
            reply.set("id", message.get("id"));
            ObjectNode result = reply.putObject("result");
            switch (message.get("method").asText()) {
                case "initialize" -> {
                    result.put("protocolVersion", message.at("/params/protocolVersion").asText("2025-06-18"));
                    result.putObject("capabilities").putObject("tools");
                    result.putObject("serverInfo").put("name", "echo").put("version", "1.0.0");
                }
                case "tools/list" -> {
                    ObjectNode tool = result.putArray("tools").addObject().put("name", "echo");
                    tool.putObject("inputSchema").put("type", "object");
                }
                case "tools/call" -> {
                    String text = message.at("/params/arguments/text").asText("");
                    result.putArray("content").addObject().put("type", "text").put("text", text);
                    result.put("isError", false);
                }
                default -> { }
            }
            byte[] bytes = MAPPER.writeValueAsBytes(reply);
            synchronized (out) {
                out.write(bytes);
                out.write('\n');
                out.flush();
            }
        }
    }
}
