#include "hostile.h"
/* The first thread exits alone (exit, not exit_group) while a second one spins on: the run
   must still end, by budget or timeout, and leave nothing behind. */
#define THREAD_FLAGS 0x00050f00
static char stack[4096];
int main(void) {
  i64 r = sys2(CLONE, THREAD_FLAGS, stack + sizeof stack);
  if (r == 0) {
    for (;;) sys0(GETPID);
  }
  sys1(EXIT, 0);
  return 0;
}
