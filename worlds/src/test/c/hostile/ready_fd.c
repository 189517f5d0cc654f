#include "hostile.h"
/* The filter lets x86-64 write(100) through unseen, for the executor's own use before exec;
   the program cannot use it: no fd 100 and no way to get one, so the call always fails. */
int main(void) {
  report("dup2_100", sys2(33, 1, 100));
  long lim[2] = {4096, 4096};
  report("setrlimit", sys2(160, 7, lim));  /* RLIMIT_NOFILE */
  report("write_100", sys3(WRITE, 100, "x", 1));
  return 0;
}
