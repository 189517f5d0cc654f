/* Freestanding helpers for the hostile test programs: raw system calls, no libc. */
#ifndef HOSTILE_H
#define HOSTILE_H
typedef unsigned long u64;
typedef long i64;

__asm__(".section .text.start,\"ax\"\n.global _start\n_start:\n"
        "  and $-16, %rsp\n  call main\n  mov %eax, %edi\n  mov $231, %eax\n  syscall\n  hlt\n"
        ".text\n");

static inline i64 sys6(i64 n, i64 a, i64 b, i64 c, i64 d, i64 e, i64 f) {
  register i64 r10 __asm__("r10") = d;
  register i64 r8 __asm__("r8") = e;
  register i64 r9 __asm__("r9") = f;
  i64 ret;
  __asm__ volatile("syscall" : "=a"(ret) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                   : "rcx", "r11", "memory");
  return ret;
}
#define sys0(n) sys6(n, 0, 0, 0, 0, 0, 0)
#define sys1(n, a) sys6(n, (i64)(a), 0, 0, 0, 0, 0)
#define sys2(n, a, b) sys6(n, (i64)(a), (i64)(b), 0, 0, 0, 0)
#define sys3(n, a, b, c) sys6(n, (i64)(a), (i64)(b), (i64)(c), 0, 0, 0)
#define sys4(n, a, b, c, d) sys6(n, (i64)(a), (i64)(b), (i64)(c), (i64)(d), 0, 0)
#define sys5(n, a, b, c, d, e) sys6(n, (i64)(a), (i64)(b), (i64)(c), (i64)(d), (i64)(e), 0)

enum { READ = 0, WRITE = 1, OPEN = 2, CLOSE = 3, MMAP = 9, SOCKET = 41, CONNECT = 42,
       SENDTO = 44, SOCKETPAIR = 53, CLONE = 56, FORK = 57, EXIT = 60, KILL = 62,
       MKDIR = 83, GETUID = 102, PTRACE = 101, GETPPID = 110, SETSID = 112, MOUNT = 165,
       UNSHARE = 272, SETNS = 308, GETPID = 39, NANOSLEEP = 35, IO_URING_SETUP = 425,
       EXIT_GROUP = 231, WAIT4 = 61, CHROOT = 161, PIVOT_ROOT = 155, OPENAT = 257 };

static inline u64 len(const char *s) { u64 n = 0; while (s[n]) n++; return n; }
static inline void say(const char *s) { sys3(WRITE, 1, s, len(s)); }
/* writes "label=value\n" */
static inline void report(const char *label, i64 v) {
  char buf[64];
  int i = 0;
  for (const char *p = label; *p; p++) buf[i++] = *p;
  buf[i++] = '=';
  if (v < 0) { buf[i++] = '-'; v = -v; }
  char digits[24];
  int d = 0;
  do { digits[d++] = (char)('0' + v % 10); v /= 10; } while (v);
  while (d) buf[i++] = digits[--d];
  buf[i++] = '\n';
  sys3(WRITE, 1, buf, i);
}
static inline void sleep_ms(long ms) {
  long ts[2] = {ms / 1000, (ms % 1000) * 1000000};
  sys2(NANOSLEEP, ts, 0);
}


/* Tries to create a file and a directory under dir; reports each result. */
static inline void try_writes(const char *file, const char *dir) {
  i64 fd = sys3(OPEN, file, 01101, 0644);  /* O_WRONLY|O_CREAT|O_TRUNC */
  report("open", fd);
  if (fd >= 0) report("write", sys3(WRITE, fd, "pwned\n", 6));
  report("mkdir", sys2(MKDIR, dir, 0755));
  report("openat", sys4(OPENAT, -100, file, 01101, 0644));
}
#endif
