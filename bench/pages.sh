#!/usr/bin/env bash
# The pages benchmark: `tickr run` with N http monitors (against the shared harness's nginx target
# on loopback) and a public status page of P of them; measures the server time (Server-Timing) of
# the dashboard's overview, its live JSON and the status page, then the status page's throughput
# under wrk (keep-alive, 64 connections) next to the machine's limit (wrk against nginx /ok) in the
# same run.
#
#   bench/pages.sh [N=10000] [P=200] [WRK_S=10]
#
# Needs nginx, libnginx-mod-http-echo, wrk, curl, python3 (apt-get install …, as root it installs
# them). Only 127.0.0.1 is used; everything stays in a fresh scratch dir (SCRATCH=DIR to choose).
set -euo pipefail

N=${1:-10000}
P=${2:-200}
WRK_S=${3:-10}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
HARNESS=${HARNESS:-$ROOT/../shared/bench}
TARGET_PORT=${TARGET_PORT:-18080}
PORT=${PORT:-18181}
RUNS=${RUNS:-20}
[[ "$N" =~ ^[0-9]+$ && "$P" =~ ^[0-9]+$ && "$P" -le "$N" ]] || { echo "pages.sh: N and P whole numbers, P <= N" >&2; exit 2; }

log() { printf '%s %s\n' "$(date +%T)" "$*" >&2; }

need=()
for t in nginx wrk curl python3; do command -v "$t" >/dev/null 2>&1 || need+=("$t"); done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      nginx libnginx-mod-http-echo wrk curl python3 >&2
  else
    echo "pages.sh: missing ${need[*]}" >&2
    exit 2
  fi
fi
[ -x "$HARNESS/target-nginx.sh" ] || { echo "pages.sh: no $HARNESS/target-nginx.sh (set HARNESS)" >&2; exit 2; }

SCRATCH=${SCRATCH:-$(mktemp -d /tmp/tickr-pages-bench.XXXXXX)}
mkdir -p "$SCRATCH"
log "scratch: $SCRATCH"

log "building with ./tickr (if sources changed)"
JHOME=$(cd "$ROOT" && TICKR_JAVA_OPTS="-XshowSettings:properties" ./tickr --version 2>&1 |
  sed -n 's/^ *java.home = //p' | head -n 1)
[ -x "$JHOME/bin/java" ] || { echo "pages.sh: could not build or find the JDK (./tickr --version)" >&2; exit 2; }
cp "$ROOT/target/tickr.jar" "$SCRATCH/tickr.jar"
JAVA=$JHOME/bin/java

python3 - "$N" "$P" "$TARGET_PORT" > "$SCRATCH/tickr.yml" <<'PY'
import sys
n, p, port = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
print("defaults: {interval: 60s, timeout: 5s}")
print("monitors:")
for i in range(n):
    print(f'  - {{name: api-{i:05d}, url: "http://127.0.0.1:{port}/m/{i}", tags: [team-{i % 20}]}}')
print("status-pages:")
print("  - slug: partners")
print("    title: Partner status")
print("    monitors: [" + ", ".join(f"api-{i:05d}" for i in range(p)) + "]")
PY

cleanup() {
  [ -n "${TICKR_PID:-}" ] && kill "$TICKR_PID" 2>/dev/null && wait "$TICKR_PID" 2>/dev/null || true
  "$HARNESS/target-nginx.sh" stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
"$HARNESS/target-nginx.sh" start 1 >/dev/null

log "starting tickr with $N monitors"
TICKR_ADMIN_PASSWORD=pages-bench-pw "$JAVA" -Xmx1g -jar "$SCRATCH/tickr.jar" run \
  -c "$SCRATCH/tickr.yml" --data "$SCRATCH/data" --listen "127.0.0.1:$PORT" \
  > "$SCRATCH/tickr.out" 2> "$SCRATCH/tickr.err" &
TICKR_PID=$!
for _ in $(seq 120); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null || { echo "pages.sh: tickr did not start; see $SCRATCH/tickr.err" >&2; exit 1; }
TOKEN=$("$JAVA" -jar "$SCRATCH/tickr.jar" token create --name bench --role viewer --data "$SCRATCH/data")
log "warming up for 70 s (every monitor checked once)"
sleep 70

measure() { # path → "p50 max" of Server-Timing over RUNS requests
  local path=$1 t=()
  for _ in 1 2 3; do curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$path"; done
  for _ in $(seq "$RUNS"); do
    t+=("$(curl -s -D - -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT$path" \
      | tr -d '\r' | awk -F'dur=' '/^[Ss]erver-[Tt]iming/ {print $2}')")
  done
  printf '%s\n' "${t[@]}" | python3 -c 'import sys,statistics; v=sorted(float(x) for x in sys.stdin if x.strip()); print(f"p50 {statistics.median(v):.1f} ms  max {v[-1]:.1f} ms")'
}

{
  echo "# $(date -Is) $(nproc) cores; $N monitors, status page of $P; Server-Timing over $RUNS requests"
  for path in "/" "/ui/overview" "/?q=api-0999" "/?state=UP&page=50" "/status/partners" "/status/partners.json"; do
    printf '%-24s %s\n' "$path" "$(measure "$path")"
  done
  sleep 11 # the status page's cache expires: one fresh rendering
  printf '%-24s %s\n' "/status/partners (fresh)" \
    "$(curl -s -D - -o /dev/null "http://127.0.0.1:$PORT/status/partners" | tr -d '\r' | awk -F'dur=' '/^[Ss]erver-[Tt]iming/ {print $2 " ms"}')"
  PAGE=$(wrk -t2 -c64 -d"${WRK_S}s" "http://127.0.0.1:$PORT/status/partners" | awk '/Requests\/sec/ {print $2}')
  LIMIT=$(wrk -t2 -c64 -d"${WRK_S}s" "http://127.0.0.1:$TARGET_PORT/ok" | awk '/Requests\/sec/ {print $2}')
  python3 -c "print(f'status page under wrk: {float(\"$PAGE\"):.0f} req/s; limit (nginx /ok, same run): {float(\"$LIMIT\"):.0f} req/s; ratio {float(\"$PAGE\")/float(\"$LIMIT\"):.2f}')"
} | tee "$SCRATCH/result.txt"
