#!/usr/bin/env bash
# The whole suite N times, as CI runs it: each run on a fresh `git clone` of this repository's HEAD
# in a temporary directory, with `CI=true .ci/run`; with --hog, a busy loop keeps one core busy for
# the whole run. Prints each run's result, duration and failed (or skipped) tests, then a summary.
#
#   bench/suite-runs.sh N [--hog] [--keep]
#   bench/suite-runs.sh --report TARGET_DIR     # only the tests that failed or were skipped there
#
# Each run is bounded by LIMIT seconds (default 5400, CI's own limit). Logs, and the test reports
# of runs that failed, go to OUT (default /tmp/tickr-suite-runs.<time>); clones are removed after
# their run unless --keep. Uncommitted changes are not in the clones: commit first.
set -euo pipefail

usage() {
  echo "usage: bench/suite-runs.sh N [--hog] [--keep] | --report TARGET_DIR" >&2
  exit 2
}

# Prints "class.test  (failure|error|skipped)" for each such test case in DIR's surefire and
# failsafe reports. Surefire writes a <testcase ...> start tag on a line of its own, followed by a
# <failure, <error or <skipped element when the test did not pass; a self-closed one passed.
report() {
  local dir="$1" files=()
  shopt -s nullglob
  files=("$dir"/surefire-reports/TEST-*.xml "$dir"/failsafe-reports/TEST-*.xml)
  shopt -u nullglob
  [ ${#files[@]} -gt 0 ] || return 0
  awk '
    function attr(line, name,   m) {
      if (match(line, " " name "=\"[^\"]*\"")) {
        m = substr(line, RSTART + length(name) + 3, RLENGTH - length(name) - 4)
        return m
      }
      return ""
    }
    function outcome(text) {
      if (text ~ /^[[:space:]]*<failure[ >\/]/) return "failure"
      if (text ~ /^[[:space:]]*<error[ >\/]/) return "error"
      if (text ~ /^[[:space:]]*<skipped[ >\/]/) return "skipped"
      return ""
    }
    /<testcase / {
      test = attr($0, "classname") "." attr($0, "name")
      rest = substr($0, index($0, "<testcase ") + 1)
      rest = substr(rest, index(rest, ">") + 1)
      open = ($0 !~ /<testcase [^>]*\/>/)
      $0 = rest
    }
    open && outcome($0) != "" { print test "  (" outcome($0) ")"; open = 0; next }
    /<\/testcase>|<system-(out|err)>/ { open = 0 }
  ' "${files[@]}" | sort -u
}

if [ "${1:-}" = --report ]; then
  [ -d "${2:-}" ] || usage
  report "$2"
  exit 0
fi

RUNS="${1:-}"
case "$RUNS" in '' | *[!0-9]* | 0) usage ;; esac
shift
HOG=0
KEEP=0
for arg in "$@"; do
  case "$arg" in
    --hog) HOG=1 ;;
    --keep) KEEP=1 ;;
    *) usage ;;
  esac
done
LIMIT="${LIMIT:-5400}"

REPO="$(cd "$(dirname "$0")/.." && git rev-parse --show-toplevel)"
COMMIT="$(git -C "$REPO" rev-parse HEAD)"
if [ -n "$(git -C "$REPO" status --porcelain --untracked-files=no)" ]; then
  echo "suite-runs: uncommitted changes in $REPO are not part of the runs (HEAD is)" >&2
fi
OUT="${OUT:-/tmp/tickr-suite-runs.$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$OUT"

hog_pid=""
clone=""
cleanup() {
  [ -n "$hog_pid" ] && kill "$hog_pid" 2>/dev/null || true
  [ -n "$clone" ] && [ "$KEEP" = 0 ] && rm -rf "$clone"
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "suite-runs: $RUNS run(s) of CI=true .ci/run on fresh clones of ${COMMIT:0:10}$([ "$HOG" = 1 ] && echo ', one core kept busy'); logs in $OUT"
passed=0
durations=()
for i in $(seq "$RUNS"); do
  clone="$(mktemp -d /tmp/tickr-suite-clone.XXXXXX)"
  git clone -q "$REPO" "$clone/tickr"
  git -C "$clone/tickr" checkout -q --detach "$COMMIT"
  log="$OUT/run-$i.log"
  if [ "$HOG" = 1 ]; then
    timeout "$LIMIT" sh -c 'while :; do :; done' &
    hog_pid=$!
  fi
  start=$(date +%s)
  rc=0
  (cd "$clone/tickr" && CI=true timeout --kill-after=60 "$LIMIT" bash .ci/run) </dev/null >"$log" 2>&1 || rc=$?
  seconds=$(($(date +%s) - start))
  if [ -n "$hog_pid" ]; then
    kill "$hog_pid" 2>/dev/null || true
    wait "$hog_pid" 2>/dev/null || true
    hog_pid=""
  fi
  durations+=("$seconds")
  tests="$(report "$clone/tickr/target")"
  if [ "$rc" = 0 ]; then
    passed=$((passed + 1))
    printf 'run %d/%d: PASS  %dm%02ds\n' "$i" "$RUNS" $((seconds / 60)) $((seconds % 60))
  else
    why="exit $rc"
    [ "$rc" = 124 ] && why="still running after ${LIMIT}s"
    printf 'run %d/%d: FAIL  %dm%02ds  (%s, log %s)\n' "$i" "$RUNS" $((seconds / 60)) $((seconds % 60)) "$why" "$log"
    if [ -n "$tests" ]; then
      sed 's/^/    /' <<<"$tests"
    else
      echo "    no failed test in the reports; the log's first errors:"
      grep -m 5 '^\[ERROR\]' "$log" | sed 's/^/    /' || true
    fi
    mkdir -p "$OUT/run-$i"
    cp -r "$clone/tickr/target/surefire-reports" "$clone/tickr/target/failsafe-reports" "$OUT/run-$i/" 2>/dev/null || true
  fi
  if [ "$KEEP" = 0 ]; then
    rm -rf "$clone"
  else
    echo "    kept: $clone/tickr"
  fi
  clone=""
done

mapfile -t sorted < <(printf '%s\n' "${durations[@]}" | sort -n)
median=${sorted[$((${#sorted[@]} / 2))]}
printf 'suite-runs: %d/%d passed (%s, commit %s); duration min %dm%02ds, median %dm%02ds, max %dm%02ds\n' \
  "$passed" "$RUNS" "$([ "$HOG" = 1 ] && echo 'one core busy' || echo 'no hog')" "${COMMIT:0:10}" \
  $((sorted[0] / 60)) $((sorted[0] % 60)) $((median / 60)) $((median % 60)) \
  $((sorted[-1] / 60)) $((sorted[-1] % 60))
[ "$passed" = "$RUNS" ]
