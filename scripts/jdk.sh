# Sourced by ./vivarium and ./test.sh: finds a JDK 21 or newer and exports JAVA_HOME.
# Order: $JAVA_HOME if it is 21+, else the newest 21+ JDK under /usr/lib/jvm (then
# /usr/local/lib/jvm, /opt/java), else the java on PATH if it is 21+.

vivarium_java_major() { # $1 = path to a java binary; prints its major version or nothing
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

vivarium_find_jdk() {
  local best="" best_major=0 home major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(vivarium_java_major "$JAVA_HOME/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      printf '%s\n' "$JAVA_HOME"
      return 0
    fi
  fi
  for home in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    major=$(vivarium_java_major "$home/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$home"
      best_major="$major"
    fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(vivarium_java_major "$home/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      best="$home"
    fi
  fi
  [ -n "$best" ] || return 1
  printf '%s\n' "$best"
}

vivarium_require_jdk() {
  local home
  if ! home=$(vivarium_find_jdk); then
    cat >&2 <<'MSG'
vivarium: no JDK 21 or newer found (looked at $JAVA_HOME, /usr/lib/jvm, /usr/local/lib/jvm, /opt/java and PATH).
Install one, for example on Debian or Ubuntu:  sudo apt-get install openjdk-21-jdk-headless
(or any JDK 21+), then run this command again; set JAVA_HOME if it lives elsewhere.
MSG
    return 1
  fi
  export JAVA_HOME="$home"
}
