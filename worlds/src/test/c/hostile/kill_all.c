#include "hostile.h"
int main(void) {
  report("kill_all_term", sys2(KILL, -1, 15));
  report("kill_all_kill", sys2(KILL, -1, 9));
  report("kill_parent", sys2(KILL, sys0(GETPPID), 9));
  report("kill_host_1", sys2(KILL, 1, 9));
  return 0;
}
