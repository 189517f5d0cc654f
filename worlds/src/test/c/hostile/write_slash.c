#include "hostile.h"
int main(void) {
  try_writes("/vivarium-pwned", "/vivarium-pwned-dir");
  return 0;
}
