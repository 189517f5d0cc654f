#include "hostile.h"
int main(void) {
  /* PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE */
  i64 p = sys6(MMAP, 0, 10L << 30, 3, 0x4022, -1, 0);
  report("mmap10g", p < 0 ? p : 0);
  long total = 0;
  for (int i = 0; i < 1024; i++) {  /* then 10 MiB at a time, touching every page */
    i64 q = sys6(MMAP, 0, 10L << 20, 3, 0x22, -1, 0);
    if (q < 0) break;
    for (long off = 0; off < (10L << 20); off += 4096) ((volatile char *)q)[off] = 1;
    total += 10;
  }
  report("mib", total);
  return 0;
}
