#include "hostile.h"
/* A child made with CLONE_UNTRACED (strace cannot follow it) makes 50 getuid calls; the
   sandbox must count them. The parent waits for it. */
int main(void) {
  i64 child = sys2(CLONE, 0x00800000 | 17, 0);  /* CLONE_UNTRACED | SIGCHLD */
  if (child == 0) {
    for (int i = 0; i < 50; i++) sys0(GETUID);
    sys1(EXIT, 0);
  }
  int status;
  sys4(WAIT4, child, &status, 0, 0);
  report("child", child > 0 ? 1 : child);
  return 0;
}
