#!/usr/bin/env bash
# The release artefacts, from target/tickr.jar: `./mvnw -Prelease package` runs this after the jar
# is made (pom.xml); docs/install.md says what each one is. Into target/release:
#   tickr-VERSION.jar                    the runnable jar (any Java 21 or newer)
#   tickr-VERSION-jdk-JAVAVERSION.aot    its start-up cache, for exactly that JDK (25 and newer)
#   tickr-VERSION-linux-ARCH.tar.gz      a runtime image: bin/tickr, the jar, its cache, a Java runtime
#   tickr_DEBVERSION_DEBARCH.deb         the runtime image in /usr/lib/tickr, a user, a systemd unit
#   tickr-VERSION.cdx.json               the SBOM (CycloneDX; made by Maven just before, online)
#   SHA256SUMS                           `sha256sum -c SHA256SUMS` checks them all
#
#   src/release/build.sh VERSION TARGET_DIR
#
# The JDK is TICKR_JAVA_HOME when set, else the newest JDK 21 or newer found (the one the build
# compiles with): its jlink makes the runtime, with the modules jdeps finds in the jar.
set -euo pipefail
umask 022

VERSION=${1:?usage: build.sh VERSION TARGET_DIR}
TARGET=$(cd "${2:?usage: build.sh VERSION TARGET_DIR}" && pwd)
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
JAR=$TARGET/tickr.jar
OUT=$TARGET/release
WORK=$TARGET/release-work
NAME=tickr-$VERSION

say() { echo "release: $*" >&2; }

# Sets MAJOR to the feature version of the JDK at $1 ("" when it is none with jlink).
jdk_major() {
  local v=""
  MAJOR=""
  [ -x "$1/bin/jlink" ] && [ -f "$1/release" ] || return 0
  v=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$1/release")
  v=${v%%[.+-]*}
  case "$v" in '' | *[!0-9]*) return 0 ;; esac
  MAJOR=$v
}

JDK=""
JDK_MAJOR=0
if [ -n "${TICKR_JAVA_HOME:-}" ]; then
  jdk_major "$TICKR_JAVA_HOME"
  if [ -z "$MAJOR" ] || [ "$MAJOR" -lt 21 ]; then
    say "TICKR_JAVA_HOME=$TICKR_JAVA_HOME is no JDK 21 or newer with jlink"
    exit 2
  fi
  JDK=$TICKR_JAVA_HOME
  JDK_MAJOR=$MAJOR
else
  for home in ${JAVA_HOME:+"$JAVA_HOME"} /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk*; do
    jdk_major "$home"
    if [ -n "$MAJOR" ] && [ "$MAJOR" -ge 21 ] && [ "$MAJOR" -gt "$JDK_MAJOR" ]; then
      JDK=$home
      JDK_MAJOR=$MAJOR
    fi
  done
fi
if [ -z "$JDK" ]; then
  say "needs a JDK 21 or newer with jlink; none found (set TICKR_JAVA_HOME to one)"
  exit 2
fi
JDK_VERSION=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$JDK/release")
say "using the JDK in $JDK ($JDK_VERSION)"

case "$(uname -m)" in
  x86_64 | amd64) ARCH=x64 DEB_ARCH=amd64 ;;
  aarch64 | arm64) ARCH=aarch64 DEB_ARCH=arm64 ;;
  *) ARCH=$(uname -m) DEB_ARCH=$(dpkg --print-architecture 2>/dev/null || uname -m) ;;
esac

rm -rf "$WORK"
mkdir -p "$OUT" "$WORK"
rm -f "$OUT"/*.jar "$OUT"/*.aot "$OUT"/*.tar.gz "$OUT"/*.deb "$OUT"/SHA256SUMS

# The start-up cache: a few seconds of typical work (`tickr aot-training`, loopback only) under
# -XX:AOTCacheOutput, with the options bin/tickr and the launcher use. $1 java, $2 jar, $3 cache,
# then the options for SQLite's native library.
train() {
  local java=$1 jar=$2 cache=$3
  shift 3
  if ! "$java" -Xmx512m -XX:AOTCacheOutput="$cache" -Xlog:aot*=off -Xlog:cds*=off "$@" \
    -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining -jar "$jar" aot-training \
    >"$WORK/training.log" 2>&1 || [ ! -f "$cache" ]; then
    tail -n 20 "$WORK/training.log" >&2
    say "the start-up training failed"
    exit 1
  fi
}

# 1. The runnable jar, and its start-up cache where the JDK makes one.
cp -p "$JAR" "$OUT/$NAME.jar"
if [ "$JDK_MAJOR" -ge 25 ]; then
  say "training the jar's start-up cache"
  train "$JDK/bin/java" "$OUT/$NAME.jar" "$OUT/$NAME-jdk-$JDK_VERSION.aot"
else
  say "JDK $JDK_MAJOR makes no start-up cache (25 and newer do): the jar goes without one"
fi

# 2. The runtime image: a Java runtime of the modules Tickr uses, the jar, bin/tickr.
IMAGE=$WORK/$NAME
mkdir -p "$IMAGE/bin" "$IMAGE/lib"
MODULES=$("$JDK/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release "$JDK_MAJOR" "$JAR")
# Found only by reflection or service lookup: JVM metrics (jdk.management), charsets of response
# bodies (jdk.charsets), elliptic-curve TLS on older JDKs (jdk.crypto.ec), DNS names (jdk.naming.dns).
for extra in jdk.management jdk.unsupported jdk.charsets jdk.crypto.ec jdk.naming.dns jdk.zipfs; do
  if [[ ",$MODULES," != *",$extra,"* ]] && "$JDK/bin/java" --list-modules | grep -q "^$extra@"; then
    MODULES="$MODULES,$extra"
  fi
done
say "jlink: $MODULES"
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files \
  --output "$IMAGE/runtime"
cp -p "$JAR" "$IMAGE/lib/tickr.jar"
install -m 0755 "$HERE/bin/tickr" "$IMAGE/bin/tickr"
install -m 0644 "$HERE/tickr.yml" "$IMAGE/tickr.yml.example"
"$IMAGE/runtime/bin/java" -jar "$IMAGE/lib/tickr.jar" native-library "$IMAGE/lib/tickr.native" >/dev/null
NATIVE_OPTS=()
for lib in "$IMAGE"/lib/tickr.native/*; do
  NATIVE_OPTS=(-Dorg.sqlite.lib.path="$IMAGE/lib/tickr.native" -Dorg.sqlite.lib.name="${lib##*/}")
done
if [ "$JDK_MAJOR" -ge 25 ]; then
  say "training the runtime image's start-up cache"
  train "$IMAGE/runtime/bin/java" "$IMAGE/lib/tickr.jar" "$IMAGE/lib/tickr.aot" "${NATIVE_OPTS[@]}"
fi
"$IMAGE/bin/tickr" --version >/dev/null
tar -C "$WORK" --owner=0 --group=0 --numeric-owner -czf "$OUT/$NAME-linux-$ARCH.tar.gz" "$NAME"

# 3. The Debian package: the same image in /usr/lib/tickr.
DEB_VERSION="${VERSION//-/\~}-1"
ROOT=$WORK/deb
mkdir -p "$ROOT/usr/lib" "$ROOT/usr/bin" "$ROOT/DEBIAN"
cp -a "$IMAGE" "$ROOT/usr/lib/tickr"
rm "$ROOT/usr/lib/tickr/tickr.yml.example"
ln -s ../lib/tickr/bin/tickr "$ROOT/usr/bin/tickr"
install -D -m 0644 "$HERE/tickr.yml" "$ROOT/etc/tickr/tickr.yml"
install -D -m 0644 "$HERE/deb/tickr.service" "$ROOT/usr/lib/systemd/system/tickr.service"
install -d -m 0700 "$ROOT/var/lib/tickr"
install -d -m 0755 "$ROOT/usr/share/doc/tickr"
cat >"$ROOT/usr/share/doc/tickr/copyright" <<COPYRIGHT
Tickr $VERSION. The Java runtime in /usr/lib/tickr/runtime is OpenJDK $JDK_VERSION
(GPLv2 with the Classpath Exception); its notices are in /usr/lib/tickr/runtime/legal.
The libraries in /usr/lib/tickr/lib/tickr.jar are listed, with their licences, in the release's
SBOM (tickr-$VERSION.cdx.json).
COPYRIGHT
for f in postinst prerm postrm; do
  install -m 0755 "$HERE/deb/$f" "$ROOT/DEBIAN/$f"
done
install -m 0644 "$HERE/deb/conffiles" "$ROOT/DEBIAN/conffiles"
SIZE_KB=$(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)
sed -e "s/@DEB_VERSION@/$DEB_VERSION/" -e "s/@ARCH@/$DEB_ARCH/" -e "s/@SIZE_KB@/$SIZE_KB/" \
  "$HERE/deb/control" >"$ROOT/DEBIAN/control"
dpkg-deb --root-owner-group -Zgzip -z6 --build "$ROOT" "$OUT/tickr_${DEB_VERSION}_$DEB_ARCH.deb" >/dev/null

# 4. The checksums of everything above and of the SBOM, which Maven has made just before (the
# CycloneDX plugin runs only online: Maven skips it under -o).
if [ ! -f "$OUT/$NAME.cdx.json" ]; then
  say "no SBOM ($OUT/$NAME.cdx.json): run the release build online (without -o)"
  exit 1
fi
(
  cd "$OUT"
  shopt -s nullglob
  sha256sum -- *.jar *.aot *.tar.gz *.deb *.cdx.json >SHA256SUMS
)
say "done: $(cd "$OUT" && echo *)"
