#include "hostile.h"
int main(void) {
  try_writes("/root/vivarium-pwned", "/root/vivarium-pwned-dir");
  return 0;
}
