#!/usr/bin/env bash
# MCP door benchmarks (numbers in docs/benchmarks.md, "MCP door"). From the repository root, after `mvn package`:
#   bench/mcp/run.sh            # stdio start-up (4 JVM configurations) + HTTP tool-call latency (stateful, stateless)
# Needs python3 (start-up harness) and a JDK 17 `java` (single-file load script). Uses port ${PORT:-17070}.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=target/mcpver.jar
runs="${RUNS:-20}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "== stdio: spawn -> initialize answer"
bench/mcp/stdio_startup.py --runs "$runs" --label "java -jar (defaults)" -- java -jar "$jar" mcp
bench/mcp/stdio_startup.py --runs "$runs" --label "C1 only + serial GC" -- \
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" mcp
MCPVER_CDS_DIR="$scratch/cds" bench/mcp/stdio_startup.py --runs 1 --warmup 0 --label "bin/mcpver first run (writes the CDS archive)" -- bin/mcpver mcp
MCPVER_CDS_DIR="$scratch/cds" bench/mcp/stdio_startup.py --runs "$runs" --label "bin/mcpver (AppCDS + C1 + serial GC)" -- bin/mcpver mcp

echo "== Streamable HTTP: semver_satisfies round trip on a warm server (default log level: info)"
port="${PORT:-17070}"
java -jar "$jar" serve --port "$port" --db "$scratch/serve.db" 2>"$scratch/serve.log" &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$scratch"' EXIT
for _ in $(seq 1 150); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.2
done
java bench/mcp/McpHttpLoad.java "http://127.0.0.1:$port/mcp" 5000 20000 1
java bench/mcp/McpHttpLoad.java "http://127.0.0.1:$port/mcp-stateless" 5000 20000 1
java bench/mcp/McpHttpLoad.java "http://127.0.0.1:$port/mcp" 2000 10000 4
echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
