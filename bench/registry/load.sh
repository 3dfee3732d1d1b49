#!/usr/bin/env bash
# 50 parallel clients register versions for 30 s against a fresh mcpver; then the server is killed with SIGKILL,
# restarted, and every acknowledged registration is looked up again (lose nothing), and the audit chain verified.
#   usage: bench/registry/load.sh [CLIENTS] [SECONDS] [DB]   (DB: a SQLite path or jdbc:postgresql:// URL)
# Run from the repository root after `mvn -B -q -DskipTests package`.
set -euo pipefail
CLIENTS=${1:-50}
SECONDS_=${2:-30}
WORK=$(mktemp -d)
DB=${3:-$WORK/load.db}
TOKEN=bench-admin-token-0123456789abcdef0123456789
PORT=${PORT:-17071}
JAR=target/mcpver.jar
export MCPVER_BOOTSTRAP_TOKEN=$TOKEN MCPVER_LOG_LEVEL=warn

start() {
  java -jar "$JAR" serve --port "$PORT" --db "$DB" --home "$WORK" >"$WORK/serve.out" 2>"$WORK/serve.err" &
  PID=$!
  for _ in $(seq 1 150); do
    curl -fs "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "server did not start"; cat "$WORK/serve.err"; exit 1
}

start
java -cp "$JAR" bench/registry/RegistryLoad.java load "http://127.0.0.1:$PORT" "$TOKEN" "$CLIENTS" "$SECONDS_" 5 "$WORK/acked.txt"
kill -9 "$PID"; wait "$PID" 2>/dev/null || true
start
java -cp "$JAR" bench/registry/RegistryLoad.java check "http://127.0.0.1:$PORT" "$TOKEN" "$WORK/acked.txt"
kill "$PID"; wait "$PID" 2>/dev/null || true
rm -rf "$WORK"
