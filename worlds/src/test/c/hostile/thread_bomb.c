#include "hostile.h"
/* CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM */
#define THREAD_FLAGS 0x00050f00
static char stacks[64][256];
int main(void) {
  for (int i = 0;; i = (i + 1) % 64) {
    i64 r = sys2(CLONE, THREAD_FLAGS, stacks[i] + 256);
    if (r == 0) for (;;) {}
  }
}
