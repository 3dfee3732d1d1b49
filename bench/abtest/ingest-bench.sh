#!/usr/bin/env bash
# Ingestion over HTTP (batches of 5,000) against the sqlite3 CLI importing the very same rows as CSV into a table
# of the same shape, in the same run. Usage: bench/abtest/ingest-bench.sh [BATCHES=400] [CLIENTS=1] [WARMUP=40]
# The warm-up batches go to a separate experiment before the clock starts (JIT compilation of the server).
set -euo pipefail
source "$(dirname "$0")/common.sh"
BATCHES=${1:-400}
CLIENTS=${2:-1}
WARMUP=${3:-40}

start_server
HTTP=$(client ingest --batches "$BATCHES" --clients "$CLIENTS" --batch-size 5000 --warmup "$WARMUP")
ID=$(sed -E 's/.*"experimentId":"([^"]+)".*/\1/' <<<"$HTTP")
HTTP_RATE=$(sed -E 's/.*"rowsPerSecond":([0-9]+).*/\1/' <<<"$HTTP")
# GET analysis of the 2 × BATCHES·2,500 stored values (Welch, Mann-Whitney, lift, mSPRT): the first call runs
# cold, later ones show the steady state.
ANALYSIS_S=""
for _ in 1 2 3; do
    ANALYSIS_S="$ANALYSIS_S$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" \
        "$BASE/api/v1/experiments/$ID/analysis"),"
done

# The rows the server stored, exported as CSV in the table's own columns.
sqlite3 -csv "$WORK/bench.db" "SELECT o.series_id, o.seq, o.value FROM ab_observations o
    JOIN ab_series s ON s.id = o.series_id WHERE s.experiment_id = '$ID'" >"$WORK/rows.csv"
ROWS=$(wc -l <"$WORK/rows.csv")

import_rate() { # $1 = DDL; median rows/s of three `sqlite3 .import` runs, each into a fresh WAL database
    local rates="" t0 t1
    for _ in 1 2 3; do
        rm -f "$WORK/cli.db"*
        sqlite3 "$WORK/cli.db" "PRAGMA journal_mode=WAL;" "$1" >/dev/null
        t0=$(date +%s.%N)
        sqlite3 "$WORK/cli.db" ".mode csv" ".import $WORK/rows.csv ab_observations"
        t1=$(date +%s.%N)
        rates="$rates $(python3 -c "print(round($ROWS / ($t1 - $t0)))")"
    done
    python3 -c "import statistics, sys; print(round(statistics.median(map(int, sys.argv[1:]))))" $rates
}
SAME_DDL="CREATE TABLE ab_observations (series_id INTEGER NOT NULL, seq INTEGER NOT NULL, value REAL NOT NULL, PRIMARY KEY (series_id, seq)) WITHOUT ROWID;"
BARE_DDL="CREATE TABLE ab_observations (series_id INTEGER NOT NULL, seq INTEGER NOT NULL, value REAL NOT NULL);"
CLI_SAME=$(import_rate "$SAME_DDL")
CLI_BARE=$(import_rate "$BARE_DDL")

python3 - "$HTTP" "$ROWS" "$CLI_SAME" "$CLI_BARE" "$ANALYSIS_S" <<'PY'
import json, sys
http = json.loads(sys.argv[1]); rows = int(sys.argv[2]); same = int(sys.argv[3]); bare = int(sys.argv[4])
rate = http["rowsPerSecond"]
print(json.dumps({"rows": rows, "storedRowsMatch": rows == http["rows"], "clients": http["clients"],
                  "httpRowsPerSecond": rate, "sqlite3SameShapeRowsPerSecond": same,
                  "sqlite3BareTableRowsPerSecond": bare,
                  "ratioSameShape": round(rate / same, 3), "ratioBareTable": round(rate / bare, 3),
                  "bar": "ratio >= 0.333", "analysisSeconds": [float(x) for x in sys.argv[5].strip(",").split(",")]}))
PY
