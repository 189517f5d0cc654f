#include "hostile.h"
int main(void) { for (;;) __asm__ volatile(""); }
