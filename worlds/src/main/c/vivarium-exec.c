/*
 * vivarium-exec: the native executor of the exec world.
 *
 * One process per worker. The JVM writes length-prefixed programs on stdin; for each one the
 * executor runs the bytes inside a fresh user + pid namespace, under a seccomp filter that sends
 * every system call to this process (SECCOMP_RET_USER_NOTIF), counts the calls by ABI and
 * number, answers a deny list with EPERM, enforces a syscall budget, a wall timeout and an
 * output cap, and writes back one fixed-size reply record. Layers and formats: docs/sandbox.md.
 *
 * Single-threaded; never runs a program unless every setup step succeeded.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/capability.h>
#include <linux/filter.h>
#include <linux/sched.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>
#include <grp.h>

#include "protocol.h"
#include "sandbox.h"

#ifndef SECCOMP_IOCTL_NOTIF_SET_FLAGS /* headers older than the kernels that have it */
#define SECCOMP_IOCTL_NOTIF_SET_FLAGS SECCOMP_IOW(4, __u64)
#define SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP 1UL
#endif

/* ---------------------------------------------------------------- configuration */

struct limits lim = {0, 1000, 1000, 4096, 64, 8, 1, 64, 256, 0, 0, 1000};
int proc_fd = -1; /* the host /proc, kept open across pivot_root for uid_map writes */
int rootless = 0; /* 1: not started as root; runs share the user's uid */
static uid_t outer_uid;   /* the uid the executor was started as */


/* ---------------------------------------------------------------- small helpers */

void die_setup(const char *fmt, ...) {
  struct hello h;
  memset(&h, 0, sizeof h);
  h.magic = HELLO_MAGIC;
  h.version = PROTOCOL_VERSION;
  h.status = 1;
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(h.message, sizeof h.message, fmt, ap);
  va_end(ap);
  if (n > 0 && (size_t)n < sizeof h.message - 40) {
    snprintf(h.message + n, sizeof h.message - n, ": %s", strerror(errno));
  }
  fprintf(stderr, "vivarium-exec: %s\n", h.message);
  (void)!write(1, &h, sizeof h);
  exit(2);
}

int read_full(int fd, void *buf, size_t n) {
  char *p = buf;
  while (n > 0) {
    ssize_t r = read(fd, p, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return -1;
    p += r;
    n -= (size_t)r;
  }
  return 0;
}

int write_full(int fd, const void *buf, size_t n) {
  const char *p = buf;
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return -1;
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

static int write_file_at(int dirfd, const char *path, const char *text) {
  int fd = openat(dirfd, path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  int rc = write_full(fd, text, strlen(text));
  close(fd);
  return rc;
}

uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static uint32_t parse_u32(const char *name, const char *v, uint32_t min, uint32_t max) {
  char *end;
  errno = 0;
  unsigned long x = strtoul(v, &end, 10);
  if (errno || *end || x < min || x > max) {
    errno = EINVAL;
    die_setup("argument %s must be an integer between %u and %u; got '%s'", name, min, max, v);
  }
  return (uint32_t)x;
}

static void parse_args(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    const char *k = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : "";
    if (!strcmp(k, "--shell")) { lim.shell = 1; continue; }
    if (!strcmp(k, "--terminal")) { lim.shell = 1; lim.terminal = 1; continue; }
    i++;
    if (!strcmp(k, "--uid")) lim.host_uid = parse_u32(k, v, 1000, 0x7fffffff);
    else if (!strcmp(k, "--timeout-ms")) lim.timeout_ms = parse_u32(k, v, 1, 600000);
    else if (!strcmp(k, "--budget")) lim.budget = parse_u32(k, v, 1, 100000000);
    else if (!strcmp(k, "--output-cap")) lim.output_cap = parse_u32(k, v, 0, 1 << 30);
    else if (!strcmp(k, "--mem-mb")) lim.mem_mb = parse_u32(k, v, 16, 65536);
    else if (!strcmp(k, "--nproc")) lim.nproc = parse_u32(k, v, 1, 4096);
    else if (!strcmp(k, "--cpu-s")) lim.cpu_s = parse_u32(k, v, 1, 3600);
    else if (!strcmp(k, "--fsize-kb")) lim.fsize_kb = parse_u32(k, v, 0, 1 << 20);
    else if (!strcmp(k, "--scratch-kb")) lim.scratch_kb = parse_u32(k, v, 16, 1 << 20);
    else if (!strcmp(k, "--quiet-us")) lim.quiet_us = parse_u32(k, v, 0, 1000000);
    else { errno = EINVAL; die_setup("unknown argument '%s'", k); }
  }
  if (lim.host_uid == 0) { errno = EINVAL; die_setup("--uid is required (an unprivileged host uid)"); }
}

/* ---------------------------------------------------------------- once per executor */

void mount_scratch(void) {
  char opts[128];
  snprintf(opts, sizeof opts, "size=%uk,nr_inodes=256,mode=0700,uid=%u,gid=%u", lim.scratch_kb,
           lim.host_uid, lim.host_uid);
  if (mount("scratch", "/scratch", "tmpfs", MS_NOSUID | MS_NODEV, opts) < 0)
    die_setup("mount scratch tmpfs");
}

static void bind_readonly(const char *src, const char *dst, unsigned long extra) {
  if (mount(src, dst, NULL, MS_BIND | MS_REC, NULL) < 0) die_setup("bind %s", src);
  if (mount(NULL, dst, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | extra, NULL) < 0)
    die_setup("remount %s read-only", src);
}

/* Builds the empty root: a read-only tmpfs holding only /scratch (and /usr in shell mode). */
static void build_root(void) {
  const char *root = "/tmp";
  if (mount("vivarium", root, "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,nr_inodes=64,mode=0755") < 0)
    die_setup("mount root tmpfs");
  if (chdir(root) < 0) die_setup("chdir root");
  if (mkdir("scratch", 0700) < 0 || mkdir("oldroot", 0700) < 0) die_setup("mkdir in root");
  if (lim.shell) {
    if (mkdir("usr", 0755) < 0 || mkdir("dev", 0755) < 0) die_setup("mkdir usr/dev");
    int fd = open("dev/null", O_CREAT | O_WRONLY | O_CLOEXEC, 0666);
    if (fd < 0) die_setup("create dev/null");
    close(fd);
    if (symlink("usr/bin", "bin") < 0 || symlink("usr/lib", "lib") < 0 ||
        symlink("usr/lib64", "lib64") < 0 || symlink("usr/sbin", "sbin") < 0)
      die_setup("symlinks into usr");
    bind_readonly("/usr", "usr", MS_NODEV);
    if (mount("/dev/null", "dev/null", NULL, MS_BIND, NULL) < 0) die_setup("bind /dev/null");
  }
  if (lim.terminal) {
    /* a devpts instance of our own: the sandbox's terminals are invisible to the host's */
    if (mkdir("dev/pts", 0755) < 0 || symlink("pts/ptmx", "dev/ptmx") < 0) die_setup("mkdir dev/pts");
    if (mount("devpts", "dev/pts", "devpts", MS_NOSUID | MS_NOEXEC,
              "newinstance,ptmxmode=0666,mode=0620,max=16") < 0)
      die_setup("mount a new devpts instance");
  }
  if (syscall(SYS_pivot_root, ".", "oldroot") < 0) die_setup("pivot_root");
  if (chdir("/") < 0) die_setup("chdir /");
  if (umount2("/oldroot", MNT_DETACH) < 0) die_setup("detach old root");
  if (rmdir("/oldroot") < 0) die_setup("rmdir oldroot");
  mount_scratch();
  if (mount(NULL, "/", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV, NULL) < 0)
    die_setup("remount root read-only");
}

/*
 * Without root, the executor first enters a user namespace of its own in which it is uid 0
 * (the user's uid outside); runs then use the user's own uid instead of a separate one.
 */
static void become_rootless(void) {
  char map[64];
  uid_t uid = geteuid();
  gid_t gid = getegid();
  outer_uid = uid;
  if (unshare(CLONE_NEWUSER) < 0)
    die_setup("not root, and no unprivileged user namespaces either (sysctl "
              "user.max_user_namespaces or kernel.unprivileged_userns_clone); the exec world "
              "never runs unsandboxed");
  snprintf(map, sizeof map, "0 %u 1\n", uid);
  if (write_file_at(AT_FDCWD, "/proc/self/uid_map", map) < 0) die_setup("rootless uid_map");
  if (write_file_at(AT_FDCWD, "/proc/self/setgroups", "deny") < 0) die_setup("rootless setgroups");
  snprintf(map, sizeof map, "0 %u 1\n", gid);
  if (write_file_at(AT_FDCWD, "/proc/self/gid_map", map) < 0) die_setup("rootless gid_map");
  rootless = 1;
  lim.host_uid = 0; /* inside this namespace, the user's uid */
}

static void setup_once(void) {
  signal(SIGPIPE, SIG_IGN);
  if (geteuid() != 0) {
    become_rootless();
  } else if (setgroups(0, NULL) < 0) {
    die_setup("clear supplementary groups");
  }
  /* as root, nobody else may ptrace or read us; rootless, we stay dumpable, as /proc/PID of
     our children must stay owned by the user for their uid_map to be writable */
  if (!rootless && prctl(PR_SET_DUMPABLE, 0) < 0) die_setup("PR_SET_DUMPABLE");
  proc_fd = open("/proc", O_PATH | O_DIRECTORY | O_CLOEXEC);
  if (proc_fd < 0) die_setup("open /proc");
  if (unshare(CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS) < 0)
    die_setup("unshare mount/net/ipc/uts namespaces");
  if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) die_setup("make mounts private");
  if (sethostname("vivarium", 8) < 0) die_setup("sethostname");
  build_root();
}

/* ---------------------------------------------------------------- the program file */

/*
 * Wraps the bytes as a minimal static x86-64 ELF: the 64-byte header, one PT_LOAD program
 * header, then the code at file offset 120. The whole file is mapped RWX at LOAD_ADDR, with
 * BSS_EXTRA zero bytes after it; the entry point is the first code byte (LOAD_ADDR + 120).
 */
static int make_program_fd(const uint8_t *code, uint32_t len) {
  int fd = memfd_create("vivarium-program", MFD_CLOEXEC | MFD_ALLOW_SEALING);
  if (fd < 0) return -1;
  if (lim.shell) {
    if (write_full(fd, code, len) < 0) { close(fd); return -1; }
  } else {
    uint8_t h[ELF_CODE_OFFSET];
    memset(h, 0, sizeof h);
    uint64_t filesz = ELF_CODE_OFFSET + (uint64_t)len;
    memcpy(h, "\x7f" "ELF", 4);
    h[4] = 2; h[5] = 1; h[6] = 1;                  /* 64-bit, little-endian, version 1 */
    *(uint16_t *)(h + 16) = 2;                      /* ET_EXEC */
    *(uint16_t *)(h + 18) = 62;                     /* EM_X86_64 */
    *(uint32_t *)(h + 20) = 1;
    *(uint64_t *)(h + 24) = ELF_LOAD_ADDR + ELF_CODE_OFFSET; /* e_entry */
    *(uint64_t *)(h + 32) = 64;                     /* e_phoff */
    *(uint16_t *)(h + 52) = 64;                     /* e_ehsize */
    *(uint16_t *)(h + 54) = 56;                     /* e_phentsize */
    *(uint16_t *)(h + 56) = 1;                      /* e_phnum */
    uint8_t *ph = h + 64;
    *(uint32_t *)(ph + 0) = 1;                      /* PT_LOAD */
    *(uint32_t *)(ph + 4) = 7;                      /* PF_R | PF_W | PF_X */
    *(uint64_t *)(ph + 8) = 0;                      /* p_offset */
    *(uint64_t *)(ph + 16) = ELF_LOAD_ADDR;         /* p_vaddr */
    *(uint64_t *)(ph + 24) = ELF_LOAD_ADDR;         /* p_paddr */
    *(uint64_t *)(ph + 32) = filesz;                /* p_filesz */
    *(uint64_t *)(ph + 40) = filesz + ELF_BSS_EXTRA;/* p_memsz */
    *(uint64_t *)(ph + 48) = 4096;                  /* p_align */
    if (write_full(fd, h, sizeof h) < 0 || write_full(fd, code, len) < 0) { close(fd); return -1; }
  }
  if (fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE | F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_SEAL) < 0 ||
      lseek(fd, 0, SEEK_SET) < 0) {
    close(fd);
    return -1;
  }
  return fd;
}

/* ---------------------------------------------------------------- the deny list */

/* x86-64 numbers (x32 uses the same ones plus 0x40000000; its own calls >= 512 are all denied). */
static const uint16_t DENY_X86_64[] = {
    101 /* ptrace */, 165 /* mount */, 166 /* umount2 */, 155 /* pivot_root */, 161 /* chroot */,
    272 /* unshare */, 308 /* setns */, 321 /* bpf */, 298 /* perf_event_open */,
    425, 426, 427 /* io_uring_* */, 248, 249, 250 /* add_key request_key keyctl */,
    246, 320 /* kexec_* */, 175, 313, 176 /* modules */, 169 /* reboot */, 167, 168 /* swap */,
    323 /* userfaultfd */, 310, 311 /* process_vm_* */, 312 /* kcmp */, 303, 304 /* *_handle_at */,
    300 /* fanotify_init */, 428, 429, 430, 431, 432, 433, 442 /* new mount API */,
    438 /* pidfd_getfd */, 172, 173 /* iopl ioperm */, 103 /* syslog */, 163 /* acct */,
    164, 227, 159, 305 /* clocks */, 170, 171 /* host/domain name */, 179 /* quotactl */,
    153 /* vhangup */, 212 /* lookup_dcookie */, 317 /* seccomp */, 447 /* memfd_secret */,
    435 /* clone3: flags live in memory, so callers fall back to clone */};

static const uint16_t DENY_I386[] = {
    26 /* ptrace */, 21, 22, 52 /* mount umount umount2 */, 217 /* pivot_root */, 61 /* chroot */,
    310 /* unshare */, 346 /* setns */, 357 /* bpf */, 336 /* perf_event_open */, 425, 426, 427,
    286, 287, 288 /* keys */, 283 /* kexec_load */, 128, 350, 129 /* modules */, 88 /* reboot */,
    87, 115 /* swap */, 374 /* userfaultfd */, 347, 348 /* process_vm_* */, 349 /* kcmp */,
    341, 342 /* *_handle_at */, 338 /* fanotify_init */, 428, 429, 430, 431, 432, 433, 442,
    438 /* pidfd_getfd */, 110, 101 /* iopl ioperm */, 103 /* syslog */, 51 /* acct */,
    79, 264, 124, 343 /* clocks */, 74, 121 /* host/domain name */, 131 /* quotactl */,
    111 /* vhangup */, 253 /* lookup_dcookie */, 354 /* seccomp */, 447 /* memfd_secret */,
    435 /* clone3 */, 102 /* socketcall: arguments live in memory */};

#define NS_FLAGS (CLONE_NEWNS | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | \
                  CLONE_NEWUTS | CLONE_NEWCGROUP | 0x00000080 /* CLONE_NEWTIME */)

static int in_list(const uint16_t *list, size_t n, uint32_t nr) {
  for (size_t i = 0; i < n; i++)
    if (list[i] == nr) return 1;
  return 0;
}

/* Returns the errno to answer with, or 0 to let the call run. */
static int deny(int abi, uint32_t nr, const uint64_t *args) {
  if (abi == ABI_I386) {
    if (in_list(DENY_I386, sizeof DENY_I386 / 2, nr)) return nr == 435 ? ENOSYS : EPERM;
    if ((nr == 359 || nr == 360) && (uint32_t)args[0] != 1 /* AF_UNIX */) return EAFNOSUPPORT;
    if (nr == 120 && (args[0] & NS_FLAGS)) return EPERM;
    if (nr == 172 && args[0] == 22 /* prctl(PR_SET_SECCOMP) */) return EPERM;
    return 0;
  }
  if (abi == ABI_X32 && nr >= 512) return EPERM;
  if (in_list(DENY_X86_64, sizeof DENY_X86_64 / 2, nr)) return nr == 435 ? ENOSYS : EPERM;
  if ((nr == 41 || nr == 53) && (uint32_t)args[0] != 1 /* AF_UNIX */) return EAFNOSUPPORT;
  if (nr == 56 && (args[0] & NS_FLAGS)) return EPERM;
  /* a filter of the program's own could answer calls before they reach us, uncounted */
  if (nr == 157 && args[0] == 22 /* prctl(PR_SET_SECCOMP) */) return EPERM;
  return 0;
}

/* ---------------------------------------------------------------- the child, before exec */

struct run_fds {
  int program;   /* memfd */
  int go_r, go_w;
  int ready_r, ready_w;
  int out_r, out_w;
  int in_r, in_w;
};

static void set_limit(int resource, rlim_t value) {
  struct rlimit rl = {value, value};
  if (setrlimit(resource, &rl) < 0) _exit(120);
}

/* Leaves every privilege behind: capabilities, uid/gid 0, the chance of regaining them. */
void drop_privileges(void) {
  for (int cap = 0; cap < 64; cap++) { /* up to the running kernel's last capability */
    if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0) {
      if (errno == EINVAL) break;
      _exit(122);
    }
  }
  if (setresgid(INNER_ID, INNER_ID, INNER_ID) < 0 || setresuid(INNER_ID, INNER_ID, INNER_ID) < 0)
    _exit(123);
  struct __user_cap_header_struct hdr = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct data[2];
  memset(data, 0, sizeof data);
  if (syscall(SYS_capset, &hdr, data) < 0) _exit(124);
  prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
  if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0) _exit(125);  /* after setresuid, which clears it */
  /* rootless: the supervisor holds no ptrace capability over us, so pidfd_getfd needs us
     dumpable until exec (which sets dumpability by the usual rules) */
  if (rootless && prctl(PR_SET_DUMPABLE, 1) < 0) _exit(125);
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) _exit(126);
}

void set_limits(void) {
  set_limit(RLIMIT_AS, (rlim_t)lim.mem_mb << 20);
  set_limit(RLIMIT_CPU, lim.cpu_s);
  set_limit(RLIMIT_NPROC, lim.nproc);
  set_limit(RLIMIT_FSIZE, (rlim_t)lim.fsize_kb << 10);
  set_limit(RLIMIT_NOFILE, MAX_FILES);
  set_limit(RLIMIT_CORE, 0);
  set_limit(RLIMIT_MEMLOCK, 0);
  set_limit(RLIMIT_MSGQUEUE, 0);
}

/* fds: 0 stdin (empty pipe, or the script), 1+2 the output pipe, 3 the program, 100 ready. */
static void arrange_fds(struct run_fds *f) {
  /* move the sources above the targets first, so that no dup2 clobbers a source */
  int in = fcntl(lim.shell ? f->program : f->in_r, F_DUPFD_CLOEXEC, 16);
  int out = fcntl(f->out_w, F_DUPFD_CLOEXEC, 16);
  int program = fcntl(f->program, F_DUPFD_CLOEXEC, 16);
  int ready = fcntl(f->ready_w, F_DUPFD_CLOEXEC, 16);
  if (in < 0 || out < 0 || program < 0 || ready < 0) _exit(129);
  if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0 ||
      dup3(program, 3, O_CLOEXEC) < 0 || dup2(ready, READY_FD) < 0)
    _exit(129);
  if (syscall(SYS_close_range, LISTENER_FD, READY_FD - 1, 0) < 0 ||
      syscall(SYS_close_range, READY_FD + 1, ~0u, 0) < 0)
    _exit(130);
}

/*
 * The filter: every call of every ABI goes to the supervisor, except x86-64 write(READY_FD),
 * the child's own signal that the filter is in place (the program cannot hold that fd).
 */
int install_filter(void) {
  struct sock_filter insns[] = {
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 0, 7),
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_write, 0, 5),
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0])),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, READY_FD, 0, 3),
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0]) + 4),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF),
  };
  struct sock_fprog prog = {sizeof insns / sizeof insns[0], insns};
  return (int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_NEW_LISTENER, &prog);
}

/* Runs in the new user + pid namespace as its pid 1; never returns. */
static void child(struct run_fds *f) {
  char go;
  if (read(f->go_r, &go, 1) != 1) _exit(121);  /* the supervisor went away */
  drop_privileges();
  arrange_fds(f);  /* before RLIMIT_NOFILE, which READY_FD is above */
  set_limits();
  if (personality(ADDR_NO_RANDOMIZE) < 0) _exit(127);  /* same bytes, same addresses */
  if (chdir("/scratch") < 0) _exit(128);
  /* own session and process group: kill(0, …) must not reach the executor's group */
  if (setsid() < 0) _exit(128);
  /* default dispositions and an empty mask: ignored and blocked signals survive exec */
  sigset_t none;
  sigemptyset(&none);
  for (int sig = 1; sig < NSIG; sig++) signal(sig, SIG_DFL);
  sigprocmask(SIG_SETMASK, &none, NULL);
  /* the listener becomes fd 4 (close-on-exec); from here on every call waits for the
     supervisor, which takes the listener once it reads the ready byte */
  if (install_filter() != LISTENER_FD) _exit(132);
  if (write(READY_FD, "r", 1) != 1) _exit(131);
  close(READY_FD);
  static char *const no_env[] = {NULL};
  static char *const shell_env[] = {"PATH=/usr/bin:/bin", "HOME=/scratch", NULL};
  if (lim.shell) {
    char *const argv[] = {"sh", NULL};
    execve("/bin/sh", argv, shell_env);
  } else {
    char *const argv[] = {"program", NULL};
    syscall(SYS_execveat, 3, "", argv, no_env, AT_EMPTY_PATH);
  }
  _exit(133);
}

/* ---------------------------------------------------------------- the supervisor */

void kill_run(int pidfd) { syscall(SYS_pidfd_send_signal, pidfd, SIGKILL, NULL, 0); }

static int abi_of(uint32_t arch, uint32_t *nr) {
  if (arch == AUDIT_ARCH_I386) return ABI_I386;
  if (*nr & 0x40000000u) {
    *nr &= ~0x40000000u;
    return ABI_X32;
  }
  return ABI_X86_64;
}

/*
 * Receives one notification and answers it. Returns -1 for a call not counted (the child's own
 * last calls before the program, or a caller that died), 0 for a call let through, 1 for one
 * denied, 2 when the calls spent exceed the budget and the run must be killed; *abi and *nr say
 * which call it was.
 */
int serve_call(int listener, int *bootstrapped, uint32_t *spent, int *abi, uint32_t *nr) {
  struct seccomp_notif req;
  struct seccomp_notif_resp resp;
  memset(&req, 0, sizeof req);
  if (ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, &req) < 0) return -1; /* the caller died */
  *nr = (uint32_t)req.data.nr;
  *abi = abi_of(req.data.arch, nr);
  memset(&resp, 0, sizeof resp);
  resp.id = req.id;
  if (!*bootstrapped) {
    /* the child's last own calls (closing the ready fd, the exec of the program) are not the
       program's, so not counted */
    *bootstrapped = *abi == ABI_X86_64 && *nr == (lim.shell ? __NR_execve : __NR_execveat);
    resp.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
    ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, &resp);
    return -1;
  }
  if (++*spent > lim.budget) return 2;
  int err = deny(*abi, *nr, (const uint64_t *)req.data.args);
  if (err) {
    resp.error = -err;
  } else {
    resp.flags = SECCOMP_USER_NOTIF_FLAG_CONTINUE;
  }
  ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, &resp); /* ENOENT: the caller was killed meanwhile */
  return err ? 1 : 0;
}

/* Serves one notification and counts it. Returns 1 when the run must be killed. */
static int on_notification(int listener, struct reply *r, int *bootstrapped, uint32_t *spent) {
  int abi;
  uint32_t nr;
  int k = serve_call(listener, bootstrapped, spent, &abi, &nr);
  if (k < 0) return 0;
  r->syscalls++;
  r->hist[abi][nr < HIST_SLOTS ? nr : HIST_SLOTS - 1]++;
  if (k == 1) r->denied++;
  if (k == 2) {
    r->flags |= FLAG_BUDGET;
    return 1;
  }
  return 0;
}

/* Reads what the program wrote. Returns 1 when the output cap is exceeded. */
static int on_output(int out_r, struct reply *r) {
  char buf[16384];
  for (;;) {
    ssize_t n = read(out_r, buf, sizeof buf);
    if (n <= 0) return 0;
    uint32_t keep = r->output_len < OUTPUT_SLOTS ? OUTPUT_SLOTS - r->output_len : 0;
    uint32_t room = lim.output_cap > r->output_total ? lim.output_cap - r->output_total : 0;
    if (keep > room) keep = room;
    if (keep > (uint32_t)n) keep = (uint32_t)n;
    memcpy(r->output + r->output_len, buf, keep);
    r->output_len += keep;
    if ((uint64_t)r->output_total + (uint64_t)n > lim.output_cap) {
      r->output_total = lim.output_cap;
      r->flags |= FLAG_OUTPUT_CAP;
      return 1;
    }
    r->output_total += (uint32_t)n;
  }
}

/* Waits for the run to end, serving notifications and output; then reaps it. */
static void supervise(int pidfd, int listener, int out_r, struct reply *r) {
  /* the limit counts from the exec, not from the sandbox setup, which a loaded machine slows */
  uint64_t deadline = now_ns() + (uint64_t)lim.timeout_ms * 1000000ull;
  uint64_t hard = deadline + 5000000000ull;
  int bootstrapped = 0, killed = 0;
  uint32_t spent = 0;
  struct pollfd p[3] = {{pidfd, POLLIN, 0}, {listener, POLLIN, 0}, {out_r, POLLIN, 0}};
  for (;;) {
    uint64_t now = now_ns();
    if (!killed && now >= deadline) {
      r->flags |= FLAG_TIMEOUT;
      kill_run(pidfd);
      killed = 1;
    }
    if (now >= hard) break; /* cannot happen: SIGKILL ends a pid namespace */
    int wait_ms = (int)(((killed ? hard : deadline) - now) / 1000000ull) + 1;
    int n = poll(p, 3, wait_ms);
    if (n < 0 && errno != EINTR) break;
    if (n <= 0) continue;
    if (p[0].revents) break;
    if ((p[1].revents & POLLIN) && on_notification(listener, r, &bootstrapped, &spent) && !killed) {
      kill_run(pidfd);
      killed = 1;
    }
    if (p[1].revents & (POLLHUP | POLLERR)) p[1].fd = -1;
    if ((p[2].revents & POLLIN) && on_output(out_r, r) && !killed) {
      kill_run(pidfd);
      killed = 1;
    }
    if (p[2].revents & (POLLHUP | POLLERR)) p[2].fd = -1;
  }
  on_output(out_r, r);
  siginfo_t si;
  struct rusage ru;
  memset(&si, 0, sizeof si);
  memset(&ru, 0, sizeof ru);
  if (syscall(SYS_waitid, P_PIDFD, pidfd, &si, WEXITED, &ru) == 0) {
    if (si.si_code == CLD_EXITED) {
      r->flags |= FLAG_EXITED;
      r->exit_code = si.si_status;
    } else {
      r->flags |= FLAG_SIGNALED;
      r->signal = si.si_status;
    }
  }
  r->cpu_ns = (uint64_t)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000000ull +
              (uint64_t)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1000ull;
  /* RLIMIT_CPU races the wall deadline when a spinner has a core to itself: its SIGKILL
     (or SIGXCPU) after the CPU limit is a time limit too, and is reported as one */
  if ((r->flags & FLAG_SIGNALED) && (r->signal == SIGKILL || r->signal == SIGXCPU) &&
      r->cpu_ns + 10000000ull >= (uint64_t)lim.cpu_s * 1000000000ull)
    r->flags |= FLAG_TIMEOUT;
}

/* ---------------------------------------------------------------- one run */

/* Counts the entries the run left in /scratch and, if there are any, mounts a fresh one. */
uint32_t wipe_scratch(void) {
  DIR *d = opendir("/scratch");
  uint32_t files = 0;
  if (d) {
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
      if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) files++;
    closedir(d);
  }
  if (files || !d) {
    if (umount2("/scratch", MNT_DETACH) < 0) die_setup("detach scratch");
    mount_scratch();
  }
  return files;
}

int map_ids(pid_t pid) {
  char path[64], map[64];
  snprintf(map, sizeof map, "%d %u 1\n", INNER_ID, lim.host_uid);
  snprintf(path, sizeof path, "%d/uid_map", pid);
  if (write_file_at(proc_fd, path, map) < 0) return -1;
  snprintf(path, sizeof path, "%d/setgroups", pid);
  if (write_file_at(proc_fd, path, "deny") < 0) return -1;
  snprintf(path, sizeof path, "%d/gid_map", pid);
  return write_file_at(proc_fd, path, map);
}

/* Takes the child's seccomp listener (installed before it wrote the ready byte). */
int take_listener(int pidfd) {
  int fd = (int)syscall(SYS_pidfd_getfd, pidfd, LISTENER_FD, 0);
  if (fd >= 0) {
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    /* Linux 6.6+: wake the caller on our CPU when we answer, as a call is a ping-pong between
       the two; older kernels refuse the flag and answer as before */
    ioctl(fd, SECCOMP_IOCTL_NOTIF_SET_FLAGS, SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP);
  }
  return fd;
}

static void close_all(struct run_fds *f) {
  int *all[] = {&f->program, &f->go_r, &f->go_w, &f->ready_r, &f->ready_w,
                &f->out_r, &f->out_w, &f->in_r, &f->in_w};
  for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
    if (*all[i] >= 0) close(*all[i]);
    *all[i] = -1;
  }
}

static void setup_error(struct reply *r, int err) {
  r->flags |= FLAG_SETUP_ERROR;
  r->exit_code = err;
}

void run_one(const uint8_t *code, uint32_t len, struct reply *r, int keep) {
  uint64_t start = now_ns();
  struct run_fds f = {-1, -1, -1, -1, -1, -1, -1, -1, -1};
  int pipes[4][2];
  f.program = make_program_fd(code, len);
  if (f.program < 0 || pipe2(pipes[0], O_CLOEXEC) < 0 || pipe2(pipes[1], O_CLOEXEC) < 0 ||
      pipe2(pipes[2], O_CLOEXEC) < 0 || pipe2(pipes[3], O_CLOEXEC) < 0) {
    setup_error(r, errno);
    close_all(&f);
    return;
  }
  f.go_r = pipes[0][0]; f.go_w = pipes[0][1];
  f.ready_r = pipes[1][0]; f.ready_w = pipes[1][1];
  f.out_r = pipes[2][0]; f.out_w = pipes[2][1];
  f.in_r = pipes[3][0]; f.in_w = pipes[3][1];
  fcntl(f.out_r, F_SETFL, O_NONBLOCK);
  int pidfd = -1;
  struct clone_args ca;
  memset(&ca, 0, sizeof ca);
  ca.flags = CLONE_NEWUSER | CLONE_NEWPID | CLONE_PIDFD;
  ca.pidfd = (uint64_t)(uintptr_t)&pidfd;
  ca.exit_signal = SIGCHLD;
  pid_t pid = (pid_t)syscall(SYS_clone3, &ca, sizeof ca);
  if (pid == 0) child(&f);
  if (pid < 0) {
    setup_error(r, errno);
    close_all(&f);
    return;
  }
  /* keep only our ends: the output is read until every writer in the namespace is gone */
  int out_r = f.out_r;
  f.out_r = -1;
  close(f.in_w); f.in_w = -1;  /* the program's stdin reads end-of-file */
  close(f.out_w); f.out_w = -1;
  close(f.ready_w); f.ready_w = -1;
  close(f.go_r); f.go_r = -1;
  int ok = map_ids(pid) == 0 && write(f.go_w, "g", 1) == 1;
  char ready;
  ok = ok && read(f.ready_r, &ready, 1) == 1;
  int listener = ok ? take_listener(pidfd) : -1;
  int err = errno;
  close_all(&f);
  if (listener < 0) {
    kill_run(pidfd);
    syscall(SYS_waitid, P_PIDFD, pidfd, NULL, WEXITED, NULL);
    setup_error(r, err ? err : EIO);
  } else {
    supervise(pidfd, listener, out_r, r);
    close(listener);
  }
  close(out_r);
  close(pidfd);
  /* a machine-code run without a single system call cannot have touched the scratch */
  if (keep) r->files = count_files();
  else r->files = lim.shell || r->syscalls > 0 || (r->flags & FLAG_SETUP_ERROR) ? wipe_scratch() : 0;
  r->wall_ns = now_ns() - start;
}

/* ---------------------------------------------------------------- main loop */

int main(int argc, char **argv) {
  parse_args(argc, argv);
  setup_once();
  struct hello h;
  memset(&h, 0, sizeof h);
  h.magic = HELLO_MAGIC;
  h.version = PROTOCOL_VERSION;
  snprintf(h.message, sizeof h.message, "ready uid=%u mode=%s%s", rootless ? outer_uid : lim.host_uid,
           lim.terminal ? "terminal" : lim.shell ? "shell" : "machine",
           rootless ? " rootless (runs share the user's uid)" : "");
  if (write_full(1, &h, sizeof h) < 0) return 1;
  if (lim.terminal) return terminal_loop();
  static struct reply r;
  static uint8_t program[MAX_PROGRAM];
  for (;;) {
    struct request q;
    if (read_full(0, &q, sizeof q) < 0) return 0; /* the JVM closed the pipe: done */
    if (q.magic != REQUEST_MAGIC || q.version != PROTOCOL_VERSION || q.length > MAX_PROGRAM ||
        q.mode != (lim.shell ? MODE_SHELL : MODE_MACHINE)) {
      fprintf(stderr, "vivarium-exec: bad request header (magic %08x version %u mode %u length %u)\n",
              q.magic, q.version, q.mode, q.length);
      return 3;
    }
    if (read_full(0, program, q.length) < 0) return 0;
    memset(&r, 0, sizeof r);
    r.magic = REPLY_MAGIC;
    r.version = PROTOCOL_VERSION;
    run_one(program, q.length, &r, 0);
    if (write_full(1, &r, sizeof r) < 0) return 0;
  }
}
