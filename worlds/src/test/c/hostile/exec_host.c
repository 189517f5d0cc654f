#include "hostile.h"
/* Machine mode shows an empty root: no shell, no /usr, no /proc to exec or read. */
int main(void) {
  char *argv[] = {"sh", "-c", "echo escaped > /tmp/vivarium-pwned", 0};
  char *envp[] = {0};
  report("execve_sh", sys3(59, "/bin/sh", argv, envp));
  report("execve_usr_sh", sys3(59, "/usr/bin/sh", argv, envp));
  report("open_usr", sys2(OPEN, "/usr", 0));
  report("open_proc_exe", sys2(OPEN, "/proc/self/exe", 0));
  report("open_root", sys2(OPEN, "/", 0));
  return 0;
}
