#include "hostile.h"
/* The same calls through the i386 (int 0x80) and x32 entry points: all are counted, and the
   deny list holds there too (i386 ptrace is 26, socketcall 102). */
static i64 int80(i64 n, i64 a, i64 b) {
  i64 r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(n), "b"(a), "c"(b) : "memory");
  return r;
}
int main(void) {
  report("i386_getpid", int80(20, 0, 0));
  report("i386_ptrace", int80(26, 0, 0));
  report("i386_socketcall", int80(102, 1, 0));
  report("i386_socket_inet", int80(359, 2, 1));
  report("x32_getpid", sys0(0x40000000 | GETPID));
  return 0;
}
