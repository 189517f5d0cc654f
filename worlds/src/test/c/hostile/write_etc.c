#include "hostile.h"
int main(void) {
  try_writes("/etc/vivarium-pwned", "/etc/vivarium-pwned-dir");
  return 0;
}
