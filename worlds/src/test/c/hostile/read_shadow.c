#include "hostile.h"
static char buf[4096];
int main(void) {
  i64 fd = sys2(OPEN, "/etc/shadow", 0);
  report("open", fd);
  if (fd >= 0) {
    i64 n = sys3(READ, fd, buf, sizeof buf);
    if (n > 0) sys3(WRITE, 1, buf, n);
  }
  report("passwd", sys2(OPEN, "/etc/passwd", 0));
  return 0;
}
