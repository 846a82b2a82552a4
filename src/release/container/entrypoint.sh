#!/bin/sh
# The container image's entry point (Dockerfile): Tickr's daemon by default, with the settings a
# container wants and any of them changed by the environment:
#   TICKR_DATA     the data directory (default /data, the image's volume)
#   TICKR_LISTEN   where the dashboard listens (default 0.0.0.0:8080, the exposed port)
#   TICKR_CONFIG   the YAML config (default /etc/tickr/tickr.yml when that file exists)
#   TICKR_JAVA_OPTS  more JVM options (a heap: -Xmx1g; the default is 512 MiB)
#   TICKR_JIT=full   the optimising compiler too (see the ./tickr launcher)
# Arguments: none runs the daemon; ones that start with "-" are the daemon's flags
# (`docker run IMAGE --listen 0.0.0.0:9000`); anything else is a command (`docker run IMAGE check URL`).
# `healthcheck` asks this container's own /readyz (the image's HEALTHCHECK).
#
# Where Tickr lives in the image: TICKR_JAR (default /opt/tickr/tickr.jar) and, next to it, the
# start-up cache made when the image was built (tickr.aot) and SQLite's library (tickr.native);
# TICKR_JAVA is the java to run (default: java on PATH, which is the base image's JRE).
set -eu

: "${TICKR_DATA:=/data}"
: "${TICKR_LISTEN:=0.0.0.0:8080}"
if [ -z "${TICKR_CONFIG:-}" ] && [ -f /etc/tickr/tickr.yml ]; then
  TICKR_CONFIG=/etc/tickr/tickr.yml
fi
export TICKR_DATA TICKR_LISTEN
[ -n "${TICKR_CONFIG:-}" ] && export TICKR_CONFIG

jar=${TICKR_JAR:-/opt/tickr/tickr.jar}
java=${TICKR_JAVA:-java}
base=${jar%.jar}

if [ "$#" -eq 0 ]; then
  set -- run
elif [ "$1" = healthcheck ]; then
  # TICKR_LISTEN's address, or loopback for every interface (0.0.0.0 and :: are not addresses to call).
  port=${TICKR_LISTEN##*:}
  host=${TICKR_LISTEN%:*}
  case "$host" in '' | 0.0.0.0 | '[::]' | ::) host=127.0.0.1 ;; esac
  set -- check --timeout 5s --expect "[STATUS] == 200" "http://$host:$port/readyz"
else
  case "$1" in
    -*) set -- run "$@" ;;
  esac
fi

heap=-Xmx512m
case " ${TICKR_JAVA_OPTS:-} " in
  *" -Xmx"* | *" -XX:MaxHeapSize"* | *" -XX:MaxRAMPercentage"*) heap= ;;
esac
case "${TICKR_JIT:-quick}" in
  quick) jit=-XX:TieredStopAtLevel=1 ;;
  full) jit= ;;
  *)
    echo "tickr: TICKR_JIT must be quick or full, not \"$TICKR_JIT\"" >&2
    exit 2
    ;;
esac
aot=
if [ "${TICKR_AOT:-1}" != 0 ] && [ -f "$base.aot" ]; then
  aot="-XX:AOTCache=$base.aot -Xlog:aot*=off -Xlog:cds*=off"
fi
native=
for lib in "$base.native"/*; do
  [ -f "$lib" ] && native="-Dorg.sqlite.lib.path=$base.native -Dorg.sqlite.lib.name=${lib##*/}"
done

# The option lists are split into words on purpose; the image's paths hold no space.
# shellcheck disable=SC2086
exec "$java" $heap $jit $aot $native ${TICKR_JAVA_OPTS:-} -jar "$jar" "$@"
