# Shared by the A/B benchmark scripts: start the fat jar on a free port with a known admin token (the
# registry's MCPVER_BOOTSTRAP_TOKEN), wait for /health, stop it on exit.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAR=${MCPVER_JAR:-$ROOT/target/mcpver.jar}
WORK=$(mktemp -d)
TOKEN=bench-$(od -An -tx8 -N16 /dev/urandom | tr -d ' \n')
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT

[ -f "$JAR" ] || { echo "no $JAR: run 'mvn -B -q -DskipTests package' first" >&2; exit 2; }

start_server() {
    MCPVER_BOOTSTRAP_TOKEN=$TOKEN MCPVER_LOG_LEVEL=${MCPVER_LOG_LEVEL:-warn} \
        java ${SERVER_JVM_OPTS:-} -jar "$JAR" serve --port "$PORT" --db "$WORK/bench.db" >"$WORK/server.out" 2>"$WORK/server.log" &
    SERVER=$!
    trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
    for _ in $(seq 1 100); do
        curl -fs "$BASE/health" >/dev/null 2>&1 && return 0
        sleep 0.2
    done
    echo "server did not start:" >&2
    cat "$WORK/server.log" >&2
    exit 1
}

client() {
    java "$ROOT/bench/abtest/IngestClient.java" "$@" --base "$BASE" --token "$TOKEN"
}
