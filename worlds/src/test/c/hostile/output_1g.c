#include "hostile.h"
static char buf[65536];
int main(void) {
  for (int i = 0; i < 65536; i++) buf[i] = 'A' + i % 26;
  for (int i = 0; i < 16384; i++) sys3(WRITE, 1, buf, sizeof buf);
  return 0;
}
