#!/usr/bin/env bash
# Alert latency (bench/java/dev/tickr/bench/AlertLatency.java): from the failing check that crosses
# the threshold to the webhook receiver having the alert, over many incidents, all on loopback.
# Arguments: [monitors=20] [rounds=10]; or the mass failure (issue 21): mass [monitors=2000]
# [seconds=60] [split|fast] (receiver: split = head and body in two writes, ~45 ms a request, as
# Python's http.server; fast = one write). RESULTS=FILE appends the JSON line.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/jdk.sh
prepare_bench
out="$("$jdk/bin/java" -Xmx512m -cp "$classpath" dev.tickr.bench.AlertLatency "$@" 2>/dev/null)"
echo "$out"
if [[ -n "${RESULTS:-}" ]]; then
  echo "$out" | tail -n 1 >>"$RESULTS"
fi
