#!/usr/bin/env bash
# Runs each SemVer benchmark on node-semver and on the JMH engine back to back, so both see the same
# machine load. Usage (from bench/, after `mvn -B -q package`):
#   semver/run-both.sh /tmp/semver-gen
set -euo pipefail
SEMVER_DIR=${1:-/tmp/semver-gen}
cd "$(dirname "$0")/.."
for b in parseValid parseMixed compareStrings compareParsed satisfiesStrings satisfiesParsed rangeParseMiss; do
  echo "== $b (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  node semver/node-bench.mjs --semver-dir "$SEMVER_DIR" --warmup 3 --rounds 5 --only "$b" | tail -1
  java -jar target/benchmarks.jar -f 1 -wi 3 -w 1 -i 5 -r 1 "SemverBenchmark.$b\$" 2>/dev/null | grep -E '^SemverBenchmark'
done
