#!/usr/bin/env bash
# Runs the whole test suite: installs the OS packages the tests need (apt-get, as root;
# otherwise prints the command to run), finds a JDK 21+, then runs ./mvnw -B verify.
# Extra arguments go to Maven, e.g. ./test.sh -pl core -am
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
cd "$here"

# The Debian packages the tests use: real tools, no mocks.
packages=(sqlite3 postgresql mosquitto mosquitto-clients openssl gcc libc6-dev linux-libc-dev chromium chromium-driver binutils espeak-ng
  python3-torch python3-numpy python3-pandas graphviz python3-prometheus-client python3-protobuf python3-matplotlib)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing OS packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "test.sh: the tests need these OS packages: ${missing[*]}" >&2
    echo "install them with:  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

# shellcheck source=scripts/jdk.sh
. "$here/scripts/jdk.sh"
vivarium_require_jdk
echo "test.sh: JDK $JAVA_HOME"
exec ./mvnw -B -ntp verify "$@"
