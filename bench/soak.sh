#!/usr/bin/env bash
# The soak with faults (bench/java/dev/tickr/bench/Soak.java): `tickr run` with N monitors for M
# minutes against loopback targets that flap, hang, trickle, send 50 MB bodies, loop redirects and
# cut answers short; the webhook receiver goes down twice for minutes; the config is rewritten
# every minute; the daemon is killed with SIGKILL at random moments in the first 60% of the run.
# Then Tickr's database is compared with the targets' and the receiver's own records.
#
#   bench/soak.sh [MINUTES=30] [MONITORS=5000] [INTERVAL_S=10] [SEED=1]
#
# SCRATCH=DIR keeps everything there (default a fresh /tmp/tickr-soak.XXXXXX); RESULTS=FILE
# appends the JSON line. Only 127.0.0.1 is used.
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${1:-30}
MONITORS=${2:-5000}
INTERVAL=${3:-10}
SEED=${4:-1}
source bench/jdk.sh
prepare_bench
SCRATCH=${SCRATCH:-$(mktemp -d /tmp/tickr-soak.XXXXXX)}
mkdir -p "$SCRATCH"
./tickr --version >/dev/null # builds target/tickr.jar and the start-up cache if needed
cp target/tickr.jar "$SCRATCH/tickr.jar"
# The launcher runs the copy, so a rebuild during the run cannot change the daemon's jar.
cat >"$SCRATCH/tickr" <<LAUNCH
#!/usr/bin/env bash
TICKR_JAR="$SCRATCH/tickr.jar" exec "$PWD/tickr" "\$@"
LAUNCH
chmod +x "$SCRATCH/tickr"
echo "scratch: $SCRATCH" >&2
out="$("$jdk/bin/java" -Xmx1g -cp "$classpath" dev.tickr.bench.Soak --tickr "$SCRATCH/tickr" \
  --scratch "$SCRATCH" --minutes "$MINUTES" --monitors "$MONITORS" --interval "$INTERVAL" \
  --seed "$SEED")"
echo "$out"
if [[ -n "${RESULTS:-}" ]]; then
  echo "$out" | tail -n 1 >>"$RESULTS"
fi
