#include "hostile.h"
static char buf[64];
int main(void) {
  i64 fd = sys2(OPEN, "/proc/1/mem", 2);
  report("proc1_mem", fd);
  report("proc_self_mem", sys2(OPEN, "/proc/self/mem", 2));
  report("mount_proc", sys5(MOUNT, "proc", "/scratch", "proc", 0, 0));
  if (fd >= 0) report("read", sys3(READ, fd, buf, sizeof buf));
  return 0;
}
