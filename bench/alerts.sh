#!/usr/bin/env bash
# Alert latency (bench/java/dev/tickr/bench/AlertLatency.java): from the failing check that crosses
# the threshold to the webhook receiver having the alert, over many incidents, all on loopback.
# Arguments: [monitors=20] [rounds=10]; RESULTS=FILE appends the JSON line.
set -euo pipefail
cd "$(dirname "$0")/.."

# The JDK that runs the benchmark: JAVA_HOME when it is 21 or newer, else the newest in /usr/lib/jvm.
major() {
  [[ -r "$1/release" ]] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
}
jdk=""
if [[ -n "${JAVA_HOME:-}" && "$(major "$JAVA_HOME")" -ge 21 ]]; then
  jdk="$JAVA_HOME"
else
  best=0
  for candidate in /usr/lib/jvm/*/; do
    candidate="${candidate%/}"
    v="$(major "$candidate")"
    if [[ -n "$v" && "$v" -ge 21 && "$v" -gt "$best" && -x "$candidate/bin/java" ]]; then
      best="$v"
      jdk="$candidate"
    fi
  done
fi
if [[ -z "$jdk" ]]; then
  echo "bench/alerts.sh: no JDK 21 or newer (set JAVA_HOME or install one in /usr/lib/jvm)" >&2
  exit 2
fi

echo "building (test classes)..." >&2
./mvnw -q -B -Dquick -Dmaven.test.skip=false -DskipTests test-compile
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test

echo "running on $("$jdk/bin/java" -version 2>&1 | head -n 1), $(nproc) cores" >&2
out="$("$jdk/bin/java" -Xmx512m -cp "target/test-classes:target/classes:$(cat "$classpath_file")" \
  dev.tickr.bench.AlertLatency "$@" 2>/dev/null)"
echo "$out"
if [[ -n "${RESULTS:-}" ]]; then
  echo "$out" | tail -n 1 >>"$RESULTS"
fi
