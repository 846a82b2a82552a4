#!/usr/bin/env bash
# Start-up time of `tickr run`: launch to the `Dashboard:` line, several runs, median.
#
#   bench/startup.sh CONFIG [RUNS=7] [OTHER_CHECKOUT]
#
# With OTHER_CHECKOUT (e.g. a `git worktree` of an older commit) the two are launched alternately,
# so both see the same machine: on a shared box the speed drifts too much for runs made apart to
# compare. Each run gets a fresh data directory unless WARM=1 (then the first run's is kept).
# Only 127.0.0.1 is used (a free port each run); each wait is bounded (15 s).
set -euo pipefail

CONFIG=$(readlink -f "${1:?usage: bench/startup.sh CONFIG [RUNS=7] [OTHER_CHECKOUT]}")
RUNS=${2:-7}
HERE=$(cd "$(dirname "$0")/.." && pwd)
ROOTS=("$HERE")
[ -n "${3:-}" ] && ROOTS+=("$(cd "$3" && pwd)")
SCRATCH=$(mktemp -d /tmp/tickr-startup.XXXXXX)
trap 'rm -rf "$SCRATCH"' EXIT

for root in "${ROOTS[@]}"; do # build and prepare the start-up cache outside the timed runs
  (cd "$root" && ./tickr --version >/dev/null)
done

declare -A times
for _ in $(seq "$RUNS"); do
  for i in "${!ROOTS[@]}"; do
    root=${ROOTS[$i]}
    data="$SCRATCH/data-$i"
    [ "${WARM:-0}" = 1 ] || rm -rf "$data"
    out="$SCRATCH/out-$i.txt"
    : >"$out"
    start=$(date +%s%N)
    (cd "$root" && TICKR_ADMIN_PASSWORD=${TICKR_ADMIN_PASSWORD:-startup-bench-password} \
      exec ./tickr run -c "$CONFIG" --data "$data" --listen 127.0.0.1:0 >"$out" 2>&1) &
    pid=$!
    for _ in $(seq 3000); do
      grep -q '^Dashboard:' "$out" && break
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.005
    done
    end=$(date +%s%N)
    if ! grep -q '^Dashboard:' "$out"; then
      kill -TERM "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
      echo "startup.sh: $root did not start:" >&2
      tail -5 "$out" >&2
      exit 1
    fi
    kill -TERM "$pid"
    wait "$pid" 2>/dev/null || true
    times[$i]="${times[$i]:-} $(((end - start) / 1000000))"
  done
done

for i in "${!ROOTS[@]}"; do
  sorted=$(tr ' ' '\n' <<<"${times[$i]}" | sed '/^$/d' | sort -n)
  median=$(awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}' <<<"$sorted")
  printf '%s (%s): ms%s  median %s ms\n' "${ROOTS[$i]}" \
    "$(git -C "${ROOTS[$i]}" rev-parse --short HEAD 2>/dev/null || echo '?')" "${times[$i]}" "$median"
done
