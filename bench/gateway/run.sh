#!/usr/bin/env bash
# MCP gateway benchmark (numbers in docs/benchmarks.md, "MCP gateway"). From the repository root, after `mvn package`:
#   bench/gateway/run.sh                 # RATE=200 SECONDS=60 by default
# Registers a deployment echo/bench whose server is bench/gateway/EchoServer.java, starts `mcpver serve`, then times
# the same tools/call at the same arrival rate directly against an upstream process and through the gateway.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"
jar="$root/target/mcpver.jar"
rate="${RATE:-200}"
seconds="${SECONDS_PER_RUN:-60}"
port="${PORT:-17071}"
scratch="${SCRATCH:-$(mktemp -d)}"
[ -n "${SCRATCH:-}" ] || trap 'rm -rf "$scratch"' EXIT
export MCPVER_DB="$scratch/mcpver.db" MCPVER_HOME="$scratch/home" MCPVER_BOOTSTRAP_TOKEN="bench-admin-token-0123456789abcdefghijkl"
export MCPVER_GATEWAY_RATE=1000000 MCPVER_GATEWAY_BURST=1000000

mkdir -p "$scratch/artifact"
echo "echo server for the gateway benchmark" > "$scratch/artifact/README"
upstream=(java -XX:+UseSerialGC -cp "$jar" "$root/bench/gateway/EchoServer.java")
launch="$(printf '{"transport":"stdio","command":"java","args":["-XX:+UseSerialGC","-cp","%s","%s"],"startupTimeoutMs":60000}' \
  "$jar" "$root/bench/gateway/EchoServer.java")"
java -jar "$jar" deploy target "{\"server\":\"echo\",\"version\":\"1.0.0\",\"artifact\":{\"kind\":\"directory\",\"location\":\"$scratch/artifact\"}}" >/dev/null
java -jar "$jar" deploy register echo/bench --launch "$launch" >/dev/null
java -jar "$jar" deploy activate echo/bench 1.0.0 --yes >/dev/null

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
java -jar "$jar" serve --port "$port" 2>"$scratch/serve.log" >/dev/null &
server=$!
trap 'kill "$server" 2>/dev/null || true; [ -n "${SCRATCH:-}" ] || rm -rf "$scratch"' EXIT
for _ in $(seq 1 150); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.2
done
url="http://127.0.0.1:$port/mcp/servers/echo/bench"
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }   # serve's user+system CPU in clock ticks
tick_ms=$((1000 / $(getconf CLK_TCK)))
for round in $(seq 1 "${ROUNDS:-2}"); do
  echo "-- round $round (load average $(cut -d' ' -f1 /proc/loadavg))"
  java -cp "$jar" bench/gateway/GatewayLoad.java direct "$rate" "$seconds" -- "${upstream[@]}"
  before=$(cpu)
  java -cp "$jar" bench/gateway/GatewayLoad.java gateway "$rate" "$seconds" "$url" "$MCPVER_BOOTSTRAP_TOKEN"
  after=$(cpu)
  awk -v t="$(( (after - before) * tick_ms ))" -v n="$((rate * seconds))" \
    'BEGIN { printf "gateway CPU (mcpver serve, user+system): %d ms for %d calls = %.3f ms per call\n", t, n, t / n }'
done
echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
