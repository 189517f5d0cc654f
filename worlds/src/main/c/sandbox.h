/*
 * What vivarium-exec.c (the sandbox and its one-shot runs) shares with terminal.c (sessions:
 * a shell on a pseudo-terminal that lives across requests). Both are one single-threaded
 * process; docs/sandbox.md describes the layers.
 */
#ifndef VIVARIUM_SANDBOX_H
#define VIVARIUM_SANDBOX_H
#include <stdint.h>
#include <stddef.h>
#include <sys/types.h>
#include "protocol.h"

#define INNER_ID 1000    /* uid and gid inside the run's user namespace */
#define LISTENER_FD 4    /* the lowest free fd in the child when it installs its filter */
#define READY_FD 100     /* tells the supervisor the filter is in; above RLIMIT_NOFILE */
#define MAX_FILES 64     /* RLIMIT_NOFILE: the program can never hold READY_FD itself */

struct limits {
  uint32_t host_uid;       /* unprivileged host uid (and gid) the program runs as */
  uint32_t timeout_ms;     /* wall-clock limit of one run (terminal: of one step) */
  uint32_t budget;         /* system calls allowed before the run (session) is killed */
  uint32_t output_cap;     /* bytes of output allowed before the run (session) is killed */
  uint32_t mem_mb;         /* RLIMIT_AS */
  uint32_t nproc;          /* RLIMIT_NPROC for the host uid */
  uint32_t cpu_s;          /* RLIMIT_CPU */
  uint32_t fsize_kb;       /* RLIMIT_FSIZE */
  uint32_t scratch_kb;     /* size of the writable scratch tmpfs */
  int shell;               /* 1: programs are /bin/sh scripts, /usr bound read-only */
  int terminal;            /* 1: sessions on a pseudo-terminal (implies shell) */
  uint32_t quiet_us;       /* terminal: silence that ends a step once the foreground sleeps */
};

extern struct limits lim;
extern int proc_fd;
extern int rootless;

void die_setup(const char *fmt, ...);
int read_full(int fd, void *buf, size_t n);
int write_full(int fd, const void *buf, size_t n);
uint64_t now_ns(void);
void drop_privileges(void);
void set_limits(void);
int install_filter(void);
void kill_run(int pidfd);
int serve_call(int listener, int *bootstrapped, uint32_t *spent, int *abi, uint32_t *nr);
void mount_scratch(void);
uint32_t wipe_scratch(void);
uint32_t count_files(void);
int map_ids(pid_t pid);
int take_listener(int pidfd);
/* runs one program; keep=1 leaves /scratch as it is (and counts its files, recursively) */
void run_one(const uint8_t *code, uint32_t len, struct reply *r, int keep);
int terminal_loop(void);
#endif
