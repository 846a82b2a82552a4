# Sourced by the JMH and in-process benchmark scripts: sets `jdk` to JAVA_HOME when it is 21 or
# newer, else to the newest JDK in /usr/lib/jvm, and `classpath` after building the test classes.
major() {
  [[ -r "$1/release" ]] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
}

find_bench_jdk() {
  jdk=""
  if [[ -n "${JAVA_HOME:-}" && "$(major "$JAVA_HOME")" -ge 21 ]]; then
    jdk="$JAVA_HOME"
    return
  fi
  local best=0 candidate v
  for candidate in /usr/lib/jvm/*/; do
    candidate="${candidate%/}"
    v="$(major "$candidate")"
    if [[ -n "$v" && "$v" -ge 21 && "$v" -gt "$best" && -x "$candidate/bin/java" ]]; then
      best="$v"
      jdk="$candidate"
    fi
  done
  if [[ -z "$jdk" ]]; then
    echo "$0: no JDK 21 or newer (set JAVA_HOME or install one in /usr/lib/jvm)" >&2
    exit 2
  fi
}

build_bench_classpath() {
  echo "building (test classes)..." >&2
  ./mvnw -q -B -Dquick -Dmaven.test.skip=false -DskipTests test-compile
  local classpath_file
  classpath_file="$(mktemp)"
  ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test
  classpath="target/test-classes:target/classes:$(cat "$classpath_file")"
  rm -f "$classpath_file"
}

# Finds the JDK, builds the classpath and says what runs: the start of every Java benchmark script.
prepare_bench() {
  find_bench_jdk
  build_bench_classpath
  echo "running on $("$jdk/bin/java" -version 2>&1 | head -n 1), $(nproc) cores" >&2
}
