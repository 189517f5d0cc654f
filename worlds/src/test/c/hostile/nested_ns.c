#include "hostile.h"
int main(void) {
  report("unshare_user", sys1(UNSHARE, 0x10000000));
  report("unshare_mount", sys1(UNSHARE, 0x00020000));
  report("clone_newuser", sys2(CLONE, 0x10000000 | 17, 0));
  report("clone_newpid", sys2(CLONE, 0x20000000 | 17, 0));
  report("mount_tmpfs", sys5(MOUNT, "none", "/scratch", "tmpfs", 0, 0));
  report("mount_proc", sys5(MOUNT, "proc", "/scratch", "proc", 0, 0));
  report("setns", sys2(SETNS, 0, 0));
  report("chroot", sys1(CHROOT, "/scratch"));
  report("pivot_root", sys2(PIVOT_ROOT, "/scratch", "/scratch"));
  report("prctl_seccomp", sys3(157, 22, 2, 0));  /* a filter of its own: PR_SET_SECCOMP */
  return 0;
}
