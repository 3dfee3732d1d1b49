// Drives mcpver with the official TypeScript SDK client and prints one JSON summary on stdout.
//   node client.mjs stdio <command> [args...]      spawns the server (e.g. java -jar target/mcpver.jar mcp)
//   node client.mjs http <url> [bearer-token]       Streamable HTTP (e.g. http://127.0.0.1:7070/mcp)
// Exit 0 when every step ran (assertions live in the Java IT that reads the summary), 1 on any failure.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [mode, target, ...rest] = process.argv.slice(2);

function transportFor() {
  if (mode === "stdio") {
    return new StdioClientTransport({ command: target, args: rest, stderr: "ignore" });
  }
  if (mode === "http") {
    const headers = rest[0] ? { Authorization: `Bearer ${rest[0]}` } : {};
    return new StreamableHTTPClientTransport(new URL(target), { requestInit: { headers } });
  }
  throw new Error(`usage: client.mjs stdio <command> [args...] | http <url> [token]`);
}

const text = (result) => result.content?.[0]?.text;

async function main() {
  const started = performance.now();
  const client = new Client({ name: "mcpver-it-node", version: "1.0.0" }, { capabilities: {} });
  await client.connect(transportFor());
  const initializeMs = Math.round(performance.now() - started);

  const tools = (await client.listTools()).tools;
  const satisfies = await client.callTool({ name: "semver_satisfies", arguments: { version: "1.4.2", range: "^1.2.3" } });
  const compare = await client.callTool({ name: "semver_compare", arguments: { a: "1.0.0", b: "1.0.0-rc.1" } });
  const diff = await client.callTool({ name: "semver_diff", arguments: { a: "1.2.3", b: "1.2.3" } });
  const invalid = await client.callTool({ name: "semver_satisfies", arguments: { version: "1.4.2" } });
  const prompts = (await client.listPrompts()).prompts;
  const prompt = await client.getPrompt({ name: "review_release", arguments: { server: "acme", version: "2.0.0" } });
  const resources = (await client.listResources()).resources;
  const templates = (await client.listResourceTemplates()).resourceTemplates;
  const catalog = JSON.parse((await client.readResource({ uri: "mcpver://catalog" })).contents[0].text);
  const summary = {
    initializeMs,
    serverInfo: client.getServerVersion(),
    instructions: client.getInstructions(),
    tools: tools.map((t) => ({ name: t.name, annotations: t.annotations, hasOutputSchema: !!t.outputSchema })),
    calls: {
      satisfies: { isError: !!satisfies.isError, structured: satisfies.structuredContent, text: text(satisfies) },
      compare: { isError: !!compare.isError, structured: compare.structuredContent },
      diff: { isError: !!diff.isError, structured: diff.structuredContent },
      invalid: { isError: !!invalid.isError, text: text(invalid) },
    },
    prompts: prompts.map((p) => p.name),
    promptText: prompt.messages[0].content.text,
    resources: resources.map((r) => r.uri),
    resourceTemplates: templates.map((t) => t.uriTemplate),
    catalogTools: catalog.tools.length,
  };
  await client.close();
  process.stdout.write(JSON.stringify(summary) + "\n");
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`mcp-client failed: ${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
