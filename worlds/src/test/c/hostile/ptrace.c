#include "hostile.h"
int main(void) {
  report("traceme", sys4(PTRACE, 0, 0, 0, 0));
  report("attach1", sys4(PTRACE, 16, 1, 0, 0));
  i64 child = sys0(FORK);
  if (child == 0) for (;;) sys0(GETPID);
  report("attach_child", sys4(PTRACE, 16, child, 0, 0));
  report("seize_child", sys4(PTRACE, 0x4206, child, 0, 0));
  return 0;
}
