#!/usr/bin/env bash
# Audit chain verification on 1M entries (the bar: < 10 s). Fills a fresh database, times the verification
# in-process (wall and CPU time) five times, then the real command `mcpver audit verify` (JVM start and migration
# check included) three times. Both re-hash every entry and check every link and the head.
#   usage: bench/registry/audit-verify.sh [ENTRIES] [DB_URL]
# Run from the repository root after `mvn -B -q -DskipTests package`.
set -euo pipefail
ENTRIES=${1:-1000000}
WORK=$(mktemp -d)
DB=${2:-jdbc:sqlite:$WORK/audit.db}
JAR=target/mcpver.jar
java -cp "$JAR" bench/registry/AuditFill.java "$DB" "$ENTRIES"
java -cp "$JAR" bench/registry/AuditVerifyTiming.java "$DB" 5
for run in 1 2 3; do
  start=$(date +%s.%N)
  java -jar "$JAR" audit verify --db "$DB" | grep -oE '"valid":[a-z]+|"checked":[0-9]+|"durationMs":[0-9]+' | tr '\n' ' '
  end=$(date +%s.%N)
  echo "| command run $run: $(echo "$end - $start" | bc) s wall (JVM start included)"
done
rm -rf "$WORK"
