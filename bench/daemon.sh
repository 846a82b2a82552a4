#!/usr/bin/env bash
# The daemon benchmark: `tickr run` with N http monitors against a local nginx on loopback, and
# the machine's own limit (wrk) measured in the same run. Self-contained: writes its own nginx
# config (the same target as the shared harness's target-nginx.sh) and its helpers are in
# bench/daemon-bench.py.
#
#   bench/daemon.sh N [INTERVAL=10s] [SECONDS=60]
#
# Environment (all optional):
#   WARMUP=S      seconds between "Dashboard:" and the measured window (default 2 intervals, >= 15)
#   LIMIT_S=S     seconds per wrk run for the limit (default 10; 0 skips the limit)
#   DETECT=1      also time detection: flip /m/* to 500, poll `tickr status --json` until every
#                 monitor is DOWN (bounded by DETECT_TIMEOUT, default 4 intervals + 30 s)
#   SCRATCH=DIR   where everything goes (default a fresh /tmp/tickr-daemon-bench.XXXXXX)
#   RESULTS=FILE  also append the JSON result line to FILE
#   AUTH=KIND     every monitor uses per-request auth: oauth2 (tokens from the target's /token,
#                 ACCOUNTS=K client ids, default 1) or signature (an HMAC-SHA256 header per request)
#   TICKR_JAVA_OPTS   JVM options for the daemon, as with ./tickr
#
# It builds with ./tickr (the launcher rebuilds the jar when sources changed) and then runs a
# copy of target/tickr.jar from the scratch dir, so a rebuild by someone else during the run
# cannot change the jar under the running daemon; the daemon gets -Xlog:gc into the scratch dir
# (GC pauses in the window). Only 127.0.0.1 is used. Prints a summary and
# one JSON line; everything (nginx log, Tickr's data and output, samples) stays in the scratch dir.
set -euo pipefail

N=${1:?usage: bench/daemon.sh N [INTERVAL=10s] [SECONDS=60]}
INTERVAL=${2:-10s}
SECS=${3:-60}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
PY="python3 $HERE/daemon-bench.py"

case "$INTERVAL" in
  *ms) IV_S=$(python3 -c "print(${INTERVAL%ms}/1000)") ;;
  *s) IV_S=${INTERVAL%s} ;;
  *m) IV_S=$(( ${INTERVAL%m} * 60 )) ;;
  *) echo "daemon.sh: INTERVAL like 10s, 500ms or 1m" >&2; exit 2 ;;
esac
[[ "$N" =~ ^[0-9]+$ && "$SECS" =~ ^[0-9]+$ ]] || { echo "daemon.sh: N and SECONDS are whole numbers" >&2; exit 2; }
WARMUP=${WARMUP:-$(python3 -c "print(max(15, round(2 * $IV_S)))")}
LIMIT_S=${LIMIT_S:-10}
DETECT=${DETECT:-0}
DETECT_TIMEOUT=${DETECT_TIMEOUT:-$(python3 -c "print(round(4 * $IV_S + 30))")}
TIMEOUT=$(python3 -c "print('5s' if $IV_S >= 5 else '${INTERVAL}')")

log() { printf '%s %s\n' "$(date +%T)" "$*" >&2; }
now_ms() { date +%s%3N; }

# ---- tools ------------------------------------------------------------------------------------
need=()
for t in nginx wrk sqlite3 pidstat python3; do command -v "$t" >/dev/null 2>&1 || need+=("$t"); done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing (missing: ${need[*]})"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      nginx libnginx-mod-http-echo wrk sysstat sqlite3 >&2
  else
    echo "daemon.sh: missing ${need[*]}; install: apt-get install nginx libnginx-mod-http-echo wrk sysstat sqlite3" >&2
    exit 2
  fi
fi

# ---- scratch, build ---------------------------------------------------------------------------
if [ -n "${SCRATCH:-}" ]; then mkdir -p "$SCRATCH"; else SCRATCH=$(mktemp -d /tmp/tickr-daemon-bench.XXXXXX); fi
chmod 755 "$SCRATCH"   # nginx's workers (www-data) must see the DOWN flag file
NG=$SCRATCH/nginx
mkdir -p "$NG/tmp"
log "scratch $SCRATCH"

log "building with ./tickr (if sources changed)"
JHOME=$(cd "$ROOT" && TICKR_JAVA_OPTS="-XshowSettings:properties" ./tickr --version 2>&1 |
  sed -n 's/^ *java.home = //p' | head -n 1)
[ -x "$JHOME/bin/java" ] || { echo "daemon.sh: could not build or find the JDK (./tickr --version)" >&2; exit 2; }
cp "$ROOT/target/tickr.jar" "$SCRATCH/tickr.jar"
JAVA=$JHOME/bin/java
BUILD="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')+$(git -C "$ROOT" status --porcelain src pom.xml 2>/dev/null | wc -l)changed"
# Through the launcher with the copy: the same heap default and start-up cache as ./tickr.
TICKR=(env TICKR_JAR="$SCRATCH/tickr.jar" "$ROOT/tickr")
"${TICKR[@]}" --version >/dev/null 2>&1   # trains the start-up cache for the copy, once
# baseline for start-up: the JVM starting and printing the version, with this machine's load
T=$(now_ms); "${TICKR[@]}" --version >/dev/null; JVM_MS=$(( $(now_ms) - T ))

# ---- target: nginx on a free loopback port ----------------------------------------------------
PORT=${TARGET_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
cat > "$NG/nginx.conf" <<EOF
worker_processes 1;
worker_rlimit_nofile 65536;
pid $NG/nginx.pid;
error_log $NG/error.log warn;
events { worker_connections 16384; multi_accept on; }
http {
  access_log off;
  log_format bench '\$msec \$status \$request_uri \$request_time \$connection_requests';
  client_body_temp_path $NG/tmp/body; proxy_temp_path $NG/tmp/proxy;
  fastcgi_temp_path $NG/tmp/fcgi; uwsgi_temp_path $NG/tmp/uwsgi; scgi_temp_path $NG/tmp/scgi;
  keepalive_requests 1000000;
  keepalive_timeout 65s;
  server_tokens off;
  server {
    listen 127.0.0.1:$PORT backlog=8192;
    default_type application/json;
    location = /ok { return 200 '{"status":"up"}\n'; }
    location = /token { return 200 '{"access_token":"bench-access-token","token_type":"Bearer","expires_in":3600}\n'; }
    location /m/ {
      access_log $NG/access.log bench buffer=256k flush=1s;
      if (-f $NG/DOWN) { return 500 '{"status":"down"}\n'; }
      return 200 '{"status":"up"}\n';
    }
  }
}
EOF

TPID=""
cleanup() {
  set +e
  if [ -n "$TPID" ] && kill -0 "$TPID" 2>/dev/null; then
    kill -TERM "$TPID"
    for _ in $(seq 100); do kill -0 "$TPID" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$TPID" 2>/dev/null && kill -KILL "$TPID"
  fi
  if [ -f "$NG/nginx.pid" ]; then
    P=$(cat "$NG/nginx.pid")
    kill -QUIT "$P" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$P" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$NG/DOWN"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

nginx -p "$NG" -c "$NG/nginx.conf" -t -q
nginx -p "$NG" -c "$NG/nginx.conf"
for _ in $(seq 50); do [ -s "$NG/nginx.pid" ] && break; sleep 0.1; done
NGX=$(cat "$NG/nginx.pid")
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/m/probe" || { echo "daemon.sh: nginx target not answering on $PORT" >&2; exit 1; }
log "nginx pid $NGX on 127.0.0.1:$PORT"

# ---- Tickr ------------------------------------------------------------------------------------
$PY config "$N" "$INTERVAL" "$TIMEOUT" "$PORT" "$SCRATCH/tickr.yml" "${AUTH:-}" "${ACCOUNTS:-1}"
"${TICKR[@]}" validate -c "$SCRATCH/tickr.yml" >/dev/null || { echo "daemon.sh: generated config invalid" >&2; exit 1; }
DATA=$SCRATCH/data
rm -rf "$DATA"
log "starting tickr run with $N monitors every $INTERVAL"
T_LAUNCH=$(now_ms)
# shellcheck disable=SC2086
TICKR_JAR="$SCRATCH/tickr.jar" TICKR_JAVA_OPTS="${TICKR_JAVA_OPTS:-} -Xlog:gc:file=$SCRATCH/gc.log:time" \
  "$ROOT/tickr" run -c "$SCRATCH/tickr.yml" --data "$DATA" \
  --listen 127.0.0.1:0 >"$SCRATCH/tickr.out" 2>"$SCRATCH/tickr.err" &
TPID=$!
STARTUP_MS=""
for _ in $(seq 6000); do   # <= 120 s
  if grep -q '^Dashboard:' "$SCRATCH/tickr.out" 2>/dev/null; then STARTUP_MS=$(( $(now_ms) - T_LAUNCH )); break; fi
  kill -0 "$TPID" 2>/dev/null || { echo "daemon.sh: tickr exited during start-up:" >&2; tail -20 "$SCRATCH/tickr.err" >&2; exit 1; }
  sleep 0.02
done
[ -n "$STARTUP_MS" ] || { echo "daemon.sh: no Dashboard: line within 120 s" >&2; exit 1; }
DASH=$(sed -n 's/^Dashboard: //p' "$SCRATCH/tickr.out")
log "up in $STARTUP_MS ms ($DASH); warm-up ${WARMUP}s"
sleep "$WARMUP"
kill -0 "$TPID" 2>/dev/null || { echo "daemon.sh: tickr died during warm-up" >&2; tail -20 "$SCRATCH/tickr.err" >&2; exit 1; }

# ---- measured window --------------------------------------------------------------------------
dbsize() { local s=0 f; for f in "$DATA"/tickr.db "$DATA"/tickr.db-wal; do [ -f "$f" ] && s=$(( s + $(stat -c %s "$f") )); done; echo $s; }
ROWS0=$($PY count "$DATA/tickr.db"); SIZE0=$(dbsize)
T0=$(now_ms)
log "measuring ${SECS}s"
$PY sample "$SECS" "$SCRATCH/samples.json" tickr="$TPID" nginx="$NGX" >"$SCRATCH/sample.json"
T1=$(now_ms)
sleep 1.5   # nginx flushes its log buffer every second
ROWS1=$($PY count "$DATA/tickr.db"); SIZE1=$(dbsize)
$PY log "$NG/access.log" "$(python3 -c "print($T0/1000)")" "$(python3 -c "print($T1/1000)")" "$N" "$IV_S" >"$SCRATCH/target.json"
# results planned in the window, once the last of them had time to be stored
sleep "$(python3 -c "print(min(6, $IV_S))")"
$PY db "$DATA/tickr.db" "$T0" "$T1" >"$SCRATCH/db.json"
$PY run-stats "$DATA/tickr.db" "$SCRATCH/gc.log" "$T0" "$T1" >"$SCRATCH/run.json"
HEAP=""
if command -v "$JHOME/bin/jcmd" >/dev/null 2>&1; then
  timeout 30 "$JHOME/bin/jcmd" "$TPID" GC.heap_info >"$SCRATCH/heap.txt" 2>&1 || true
  HEAP=$(python3 - "$SCRATCH/heap.txt" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
m = re.search(r"total (?:reserved )?(\d+)K, (?:committed (\d+)K, )?used (\d+)K", t)
print("" if not m else f"{int(m.group(3))/1024:.0f} {int(m.group(2) or m.group(1))/1024:.0f}")
PY
)
fi
# live heap: a class histogram forces a full GC (after the window, so it costs the window nothing)
LIVE=""
if command -v "$JHOME/bin/jcmd" >/dev/null 2>&1; then
  timeout 60 "$JHOME/bin/jcmd" "$TPID" GC.class_histogram 2>&1 | head -n 25 >"$SCRATCH/histogram.txt" || true
  LIVE=$(timeout 30 "$JHOME/bin/jcmd" "$TPID" GC.heap_info 2>&1 | sed -n 's/.*, used \([0-9]*\)K.*/\1/p' | head -n 1)
  [ -n "$LIVE" ] && LIVE=$(( LIVE / 1024 ))
fi
FDS=$(ls "/proc/$TPID/fd" 2>/dev/null | wc -l)

# ---- detection (optional) ---------------------------------------------------------------------
echo null >"$SCRATCH/detect.json"
if [ "$DETECT" = 1 ]; then
  log "detection: /m/* -> 500, polling tickr status --json (timeout ${DETECT_TIMEOUT}s)"
  $PY detect "TICKR_JAR='$SCRATCH/tickr.jar' '$ROOT/tickr' status --json --data '$DATA' 2>/dev/null | $PY down-names" \
    "$NG/DOWN" "$N" "$DETECT_TIMEOUT" >"$SCRATCH/detect.json"
  sleep 1.5
  # the daemon's own log: when each monitor's state became DOWN, from the flip
  $PY log-detect "$SCRATCH/tickr.err" "$SCRATCH/detect.json" >"$SCRATCH/detect2.json" && mv "$SCRATCH/detect2.json" "$SCRATCH/detect.json"
fi

# ---- stop -------------------------------------------------------------------------------------
log "SIGTERM"
TS=$(now_ms); kill -TERM "$TPID"
EXIT_RC=""; STOP_MS=""
for _ in $(seq 200); do   # 10 s
  if ! kill -0 "$TPID" 2>/dev/null; then STOP_MS=$(( $(now_ms) - TS )); break; fi
  sleep 0.05
done
if [ -n "$STOP_MS" ]; then
  set +e; wait "$TPID"; EXIT_RC=$?; set -e
else
  log "tickr still running 10 s after SIGTERM; thread dump in $SCRATCH/stuck.txt, then SIGKILL"
  timeout 20 "$JHOME/bin/jcmd" "$TPID" Thread.print >"$SCRATCH/stuck.txt" 2>&1 || true
  kill -KILL "$TPID" 2>/dev/null || true
  set +e; wait "$TPID"; set -e
fi
TPID=""
STOPPED_LINE=$(grep -c '^Tickr stopped\.' "$SCRATCH/tickr.out" || true)
ERRLINES=$(grep -ciE 'exception|error' "$SCRATCH/tickr.err" || true)

# ---- the machine's limit, same run (Tickr stopped) --------------------------------------------
LIM_KA=""; LIM_CL=""
if [ "$LIMIT_S" -gt 0 ]; then
  for mode in keepalive close; do
    sleep 2
    H=(); [ "$mode" = close ] && H=(-H 'Connection: close')
    R=$(timeout $(( LIMIT_S + 30 )) wrk -t2 -c64 -d"${LIMIT_S}s" "${H[@]}" "http://127.0.0.1:$PORT/ok" 2>&1 || true)
    echo "$R" >"$SCRATCH/wrk-$mode.txt"
    RPS=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$R")
    log "limit $mode: ${RPS:-?} req/s"
    if [ "$mode" = keepalive ]; then LIM_KA=$RPS; else LIM_CL=$RPS; fi
  done
fi

# ---- result -----------------------------------------------------------------------------------
python3 - "$SCRATCH" <<PY >"$SCRATCH/result.json"
import json, sys
d = sys.argv[1]
s = json.load(open(d + "/sample.json")); t = json.load(open(d + "/target.json")); db = json.load(open(d + "/db.json"))
heap = "$HEAP".split()
rows = $ROWS1 - $ROWS0
r = {"monitors": $N, "interval": "$INTERVAL", "window_s": s["seconds"], "warmup_s": $WARMUP,
     "startup_ms": $STARTUP_MS, "window": {k: s[k] for k in ("load_start", "load_end", "box_busy_pct")},
     "procs": s["procs"], "target": t, "db": db,
     "heap_used_mb": int(heap[0]) if heap else None, "heap_committed_mb": int(heap[1]) if heap else None,
     "heap_live_mb": int("$LIVE") if "$LIVE" else None, "open_fds": $FDS, "results_in_window_rows": rows,
     "db_bytes_per_million": round(($SIZE1 - $SIZE0) / rows * 1e6) if rows > 0 else None,
     "db_bytes_end": $SIZE1, "results_total": $ROWS1,
     "cpu_ms_per_check": round(1000 * s["procs"]["tickr"]["cpu_s"] / t["checks"], 3) if t["checks"] else None,
     "nginx_cpu_ms_per_check": round(1000 * s["procs"]["nginx"]["cpu_s"] / t["checks"], 3) if t["checks"] else None,
     "detect": json.load(open(d + "/detect.json")), "run": json.load(open(d + "/run.json")),
     "build": "$BUILD", "java_opts": "${TICKR_JAVA_OPTS:-}", "jvm_version_ms": $JVM_MS,
     "sigterm": {"exited_within_10s": bool("$STOP_MS"), "stop_ms": int("$STOP_MS") if "$STOP_MS" else None,
                 "exit_code": int("$EXIT_RC") if "$EXIT_RC" else None, "stopped_line": $STOPPED_LINE > 0,
                 "stderr_error_lines": $ERRLINES},
     "limit": {"wrk_s": $LIMIT_S, "keepalive_rps": int("$LIM_KA") if "$LIM_KA" else None,
               "close_rps": int("$LIM_CL") if "$LIM_CL" else None}}
if r["limit"]["close_rps"]:
    r["ratios"] = {"checks_over_fresh_conn_limit": round(t["checks_per_s"] / r["limit"]["close_rps"], 4),
                   "cpu_per_check_over_0.3ms_target": round(r["cpu_ms_per_check"] / 0.3, 2) if r["cpu_ms_per_check"] else None,
                   "blackbox_1.8ms_over_cpu_per_check": round(1.8 / r["cpu_ms_per_check"], 1) if r["cpu_ms_per_check"] else None}
r["scratch"] = d
print(json.dumps(r))
PY
$PY summary "$SCRATCH/result.json" >&2 || true
[ -n "${RESULTS:-}" ] && cat "$SCRATCH/result.json" >>"$RESULTS"
cat "$SCRATCH/result.json"
