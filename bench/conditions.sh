#!/usr/bin/env bash
# Runs the condition-language benchmark (bench/java/dev/tickr/bench/ConditionBench.java) with JMH.
# Extra arguments go to JMH, e.g.: bench/conditions.sh -prof gc   or   bench/conditions.sh -f 2 -i 10
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/jdk.sh
prepare_bench
exec "$jdk/bin/java" -cp "$classpath" \
  org.openjdk.jmh.Main ConditionBench -f 1 -wi 3 -i 5 -w 1s -r 1s "$@"
