#!/usr/bin/env bash
# 50 concurrent clients post batches for 60 s; passes when no request failed and the stored count equals the
# acknowledged count exactly. Usage: bench/abtest/load.sh [CLIENTS=50] [SECONDS=60] [BATCH_SIZE=5000]
set -euo pipefail
source "$(dirname "$0")/common.sh"

start_server
RESULT=$(client load --clients "${1:-50}" --seconds "${2:-60}" --batch-size "${3:-5000}") || STATUS=$?
echo "$RESULT"
ID=$(sed -E 's/.*"experimentId":"([^"]+)".*/\1/' <<<"$RESULT")
echo "{\"rowsInTable\": $(sqlite3 "$WORK/bench.db" "SELECT COUNT(*) FROM ab_observations o JOIN ab_series s ON s.id = o.series_id WHERE s.experiment_id = '$ID'")}"
exit "${STATUS:-0}"
