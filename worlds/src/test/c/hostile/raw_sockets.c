#include "hostile.h"
int main(void) {
  report("packet", sys3(SOCKET, 17, 3, 0x0300));   /* AF_PACKET, SOCK_RAW, ETH_P_ALL */
  report("netlink", sys3(SOCKET, 16, 3, 0));       /* AF_NETLINK, NETLINK_ROUTE */
  report("vsock", sys3(SOCKET, 40, 1, 0));         /* AF_VSOCK */
  report("inet_raw", sys3(SOCKET, 2, 3, 1));       /* AF_INET, SOCK_RAW, ICMP */
  int sv[2];
  report("netlink_pair", sys4(SOCKETPAIR, 16, 3, 0, sv));
  return 0;
}
