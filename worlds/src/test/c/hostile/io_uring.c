#include "hostile.h"
static char params[120];
int main(void) {
  report("io_uring_setup", sys2(IO_URING_SETUP, 8, params));
  return 0;
}
