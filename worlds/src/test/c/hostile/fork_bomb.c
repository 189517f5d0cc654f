#include "hostile.h"
int main(void) { for (;;) sys0(FORK); }
