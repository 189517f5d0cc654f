#include "hostile.h"
/* TCP and UDP to the test's canary listener on 127.0.0.1:CANARY_PORT. */
struct sin { unsigned short family, port; unsigned int addr; char zero[8]; };
int main(void) {
  struct sin a = {2, (unsigned short)((CANARY_PORT >> 8) | ((CANARY_PORT & 0xff) << 8)),
                  0x0100007f, {0}};
  i64 t = sys3(SOCKET, 2, 1, 0);
  report("tcp_socket", t);
  report("tcp_connect", sys3(CONNECT, t < 0 ? 3 : t, &a, sizeof a));
  i64 u = sys3(SOCKET, 2, 2, 0);
  report("udp_socket", u);
  report("udp_sendto", sys6(SENDTO, u < 0 ? 3 : u, (i64)"canary", 6, 0, (i64)&a, sizeof a));
  i64 t6 = sys3(SOCKET, 10, 1, 0);
  report("tcp6_socket", t6);
  return 0;
}
