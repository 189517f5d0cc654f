#!/bin/sh
# Builds the native executor of the exec world into the worlds module's classes, as a resource
# (io/vivarium/worlds/exec/vivarium-exec), plus the x86-64 system call names read from the
# kernel headers the executor is compiled against. Called by Maven at generate-resources.
set -eu
src=$(dirname "$0")
out=$1/io/vivarium/worlds/exec
cc=${CC:-gcc}
if ! command -v "$cc" >/dev/null 2>&1; then
  echo "vivarium-worlds: no C compiler '$cc' found; the exec world's sandbox is built from C." >&2
  echo "Install gcc (Debian: apt-get install -y gcc libc6-dev linux-libc-dev) or set CC." >&2
  exit 1
fi
if [ "$(uname -m)" != x86_64 ]; then
  echo "vivarium-worlds: the exec world runs x86-64 machine code; this machine is $(uname -m)." >&2
  exit 1
fi
mkdir -p "$out"
"$cc" -O2 -Wall -Wextra -Werror -static-pie -s -o "$out/vivarium-exec.tmp" "$src/vivarium-exec.c" "$src/terminal.c" 2>/dev/null \
  || "$cc" -O2 -Wall -Wextra -Werror -s -o "$out/vivarium-exec.tmp" "$src/vivarium-exec.c" "$src/terminal.c"
mv "$out/vivarium-exec.tmp" "$out/vivarium-exec"
header=$(echo '#include <asm/unistd_64.h>' | "$cc" -E -dM - | grep '^#define __NR_' \
  | sed 's/^#define __NR_\([a-z0-9_]*\) \([0-9]*\)$/\2 \1/' | grep -E '^[0-9]+ ' | sort -n)
printf '%s\n' "$header" > "$out/syscalls-x86_64.txt"
