#!/usr/bin/env bash
# The agent's speed bars: loop overhead per step (zero-latency model) and verify-replay of a ~200-step trace.
# Runs dev.mcpver.agent.AgentBench (src/test) on the test classpath against a temporary SQLite database.
# Usage: bench/agent/run.sh [measured-runs]   (default 30; as many warm-up runs are done first)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-agent.classpath \
  -Dmdep.includeScope=test >/dev/null
MCPVER_LOG_LEVEL=warn exec java -Xshare:auto -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -Xmx512m \
  -cp "target/classes:target/test-classes:$(cat target/bench-agent.classpath)" \
  dev.mcpver.agent.AgentBench "${1:-30}"
