#include "hostile.h"
int main(void) {
  try_writes("/tmp/vivarium-pwned", "/tmp/vivarium-pwned-dir");
  return 0;
}
