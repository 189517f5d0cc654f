#include "hostile.h"
int main(void) {
  try_writes(PROJECT_DIR "/vivarium-pwned", PROJECT_DIR "/vivarium-pwned-dir");
  return 0;
}
