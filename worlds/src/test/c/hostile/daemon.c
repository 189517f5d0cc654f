#include "hostile.h"
/* The classic daemon: fork, setsid, fork again, the first two exit, the last lives on. */
int main(void) {
  i64 a = sys0(FORK);
  if (a == 0) {
    sys0(SETSID);
    i64 b = sys0(FORK);
    if (b == 0) {
      for (;;) sleep_ms(10);
    }
    sys1(EXIT, 0);
  }
  report("fork", a);
  sleep_ms(20);
  return 0;
}
