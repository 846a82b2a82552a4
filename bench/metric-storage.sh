#!/usr/bin/env bash
# Disk taken by metric series at steady state (bench/java/dev/tickr/bench/MetricStorageBench.java):
# one monitor, five metrics, a check a minute, 400 simulated days, default retention.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/jdk.sh
prepare_bench
exec "$jdk/bin/java" -cp "$classpath" dev.tickr.bench.MetricStorageBench "$@"
