#include "hostile.h"
/* A stopped child, then a stopped self: both must be ended by the sandbox. */
int main(void) {
  i64 child = sys0(FORK);
  if (child == 0) {
    sys2(KILL, sys0(GETPID), 19);
    for (;;) sys0(GETPID);
  }
  report("stop_self", sys2(KILL, sys0(GETPID), 19));
  report("stop_all", sys2(KILL, -1, 19));
  for (;;) sleep_ms(5);
}
