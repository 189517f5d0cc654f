#include "hostile.h"
/* A unix socket pair works inside the sandbox; the test's canary socket is out of reach. */
struct sun { unsigned short family; char path[108]; };
int main(void) {
  int sv[2];
  report("socketpair", sys4(SOCKETPAIR, 1, 1, 0, sv));
  report("send", sys3(WRITE, sv[0], "ping", 4));
  char buf[8];
  report("recv", sys3(READ, sv[1], buf, 4));
  struct sun a = {1, {0}};
  const char *p = CANARY_SOCK;
  for (int i = 0; p[i] && i < 107; i++) a.path[i] = p[i];
  i64 s = sys3(SOCKET, 1, 1, 0);
  report("path_connect", sys3(CONNECT, s, &a, sizeof a));
  struct sun b = {1, {0}};
  const char *q = "vivarium-canary";  /* abstract name, as the test binds it */
  for (int i = 0; q[i]; i++) b.path[i + 1] = q[i];
  i64 s2 = sys3(SOCKET, 1, 1, 0);
  report("abstract_connect", sys3(CONNECT, s2, &b, 3 + len(q)));
  return 0;
}
