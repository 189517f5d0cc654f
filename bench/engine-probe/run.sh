#!/usr/bin/env bash
# Runs the engine probe. Usage: bench/engine-probe/run.sh [jcpp|djl] [probe.Main args...]
#   run.sh jcpp --work ppo --tokens 72,13 --dtypes fp32,bf16 --threads 1,2
#   run.sh abab --work ppo ...   (DJL, JavaCPP, DJL, JavaCPP: one JVM per block)
# Builds the classpath once (Maven Central only); natives unpack into target/, never downloaded.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
if [ -z "${JAVA_HOME:-}" ]; then
  # shellcheck source=/dev/null
  source ../../scripts/jdk.sh
fi
if [ ! -f target/classpath.txt ] || [ pom.xml -nt target/classpath.txt ] \
    || [ -n "$(find src -newer target/classpath.txt -name '*.java' | head -1)" ]; then
  ../../mvnw -q -B -ntp compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
fi
cp="target/classes:$(cat target/classpath.txt)"
jvm=(-Xms256m -Xmx1g --enable-native-access=ALL-UNNAMED
  -Dorg.bytedeco.javacpp.cachedir="$here/target/javacpp-cache"
  -Dai.djl.offline=true -DDJL_CACHE_DIR="$here/target/djl-cache" ${PROBE_JAVA_OPTS:-})
export DJL_CACHE_DIR="$here/target/djl-cache"
one() { # $1 = engine, rest = Main args
  local engine=$1; shift
  echo "# $engine block, uptime: $(uptime)"
  "$JAVA_HOME/bin/java" "${jvm[@]}" -cp "$cp" probe.Main --engine "$engine" "$@"
}
mode=${1:-jcpp}; shift || true
case "$mode" in
  abab) for e in djl jcpp djl jcpp; do one "$e" "$@"; done ;;
  djl|jcpp) one "$mode" "$@" ;;
  *) echo "run.sh: first argument must be jcpp, djl or abab, got '$mode'" >&2; exit 2 ;;
esac
echo "# done, uptime: $(uptime)"
