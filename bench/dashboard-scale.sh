#!/usr/bin/env bash
# Dashboard and status pages at scale (bench/java/dev/tickr/bench/DashboardScale.java): tickr run
# in-process with N monitors and a day of seeded history, P status pages of 200 monitors; prints
# the server time (Server-Timing) of each page, p50 and max over RUNS requests. Loopback only.
# Arguments: [monitors=10000] [pages=5] [runs=20]; RESULTS=FILE appends the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/jdk.sh
prepare_bench
out="$("$jdk/bin/java" -Xmx1g -cp "$classpath" dev.tickr.bench.DashboardScale "$@" 2>/dev/null)"
echo "$out"
if [[ -n "${RESULTS:-}" ]]; then
  echo "$out" >>"$RESULTS"
fi
