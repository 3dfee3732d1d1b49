#!/bin/sh
# Restore of a 100 MB / 10,000-file rollback point versus `cp -r` of the same tree (issue 7's bar: within 2x).
# Usage: bench/rollback/run.sh [FILES] [MEGABYTES] [RUNS] [THREADS] [WORKDIR]
# Runs RestoreBench.java in source-file mode against the fat jar (built here if missing).
set -eu
cd "$(dirname "$0")/../.."
if [ ! -f target/mcpver.jar ]; then
  mvn -B -q -DskipTests package
fi
MCPVER_LOG_LEVEL=warn exec java -Xmx1g -cp target/mcpver.jar bench/rollback/RestoreBench.java "$@"
