/*
 * Terminal sessions of vivarium-exec (started with --terminal): a shell on a pseudo-terminal
 * of the sandbox's own devpts instance, living across requests in the same namespaces, limits
 * and system-call supervision as a one-shot run. The JVM opens a session (fresh home, a setup
 * script, then an interactive shell), types keystrokes and gets back what the terminal wrote
 * until the session settles, runs checker scripts on the live home, and closes it.
 *
 * A step settles when the terminal waits for the person: nothing happened for lim.quiet_us (no
 * output, no system call), the echo of typed text has arrived, the pty's pending output is
 * drained, no system call waits for our answer, and, seen so twice, either the shell is in front
 * reading its input or every process of the job in front sleeps; or when lim.timeout_ms ran out
 * (FLAG_BUSY). docs/sandbox.md has the details. Single-threaded.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <linux/sched.h>

#include "sandbox.h"

#define MAX_WALK 512
#define RECHECK_NS 200000ull /* between looks at a session that did not settle */
#define OPEN_MS 5000 /* the most an open waits for its setup and the first prompt */

struct session {
  int alive;               /* a shell runs (or ended and is not yet closed) */
  int ended;               /* the shell is gone */
  pid_t pid;               /* the shell, pid 1 of the session's pid namespace */
  int pidfd, listener, master;
  int slave;               /* kept to read the line discipline's modes (the master has its own) */
  int bootstrapped;
  uint32_t spent, written;
  int32_t exit_code, signal;
  uint16_t end_flags;
  uint64_t cpu_reaped;     /* CPU of processes the shell already waited for */
};

static struct session s = {0, 0, 0, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0};
static struct term_reply step;
static uint8_t out[TERM_OUTPUT];
static uint8_t payload[MAX_SETUP + sizeof(struct open_args)];
static long clock_ticks;

/* ---------------------------------------------------------------- counting the home */

static uint32_t counted;

static int count_one(const char *path, const struct stat *st, int flag, struct FTW *f) {
  (void)path; (void)st; (void)flag;
  if (f->level > 0 && ++counted >= 4096) return 1;
  return 0;
}

uint32_t count_files(void) {
  counted = 0;
  nftw("/scratch", count_one, 16, FTW_PHYS);
  return counted;
}

/* ---------------------------------------------------------------- the session's processes */

struct proc { char state; pid_t pgrp; uint64_t cpu, reaped, rss; };

static int read_proc(pid_t pid, struct proc *p) {
  char path[64], buf[1024];
  snprintf(path, sizeof path, "%d/stat", pid);
  int fd = openat(proc_fd, path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0) return -1;
  buf[n] = 0;
  char *q = strrchr(buf, ')'); /* the command name may hold anything */
  if (!q) return -1;
  unsigned long long v[22];
  char st;
  if (sscanf(q + 2, "%c %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu %llu "
             "%llu %llu %llu %llu %llu", &st, &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7],
             &v[8], &v[9], &v[10], &v[11], &v[12], &v[13], &v[14], &v[15], &v[16], &v[17], &v[18],
             &v[19], &v[20]) < 22)
    return -1;
  /* v[0] ppid, v[1] pgrp, v[10] utime, v[11] stime, v[12] cutime, v[13] cstime, v[20] rss */
  uint64_t tick = 1000000000ull / (uint64_t)clock_ticks;
  p->state = st;
  p->pgrp = (pid_t)v[1];
  p->cpu = (v[10] + v[11]) * tick;
  p->reaped = (v[12] + v[13]) * tick;
  p->rss = v[20] * 4096ull;
  return 0;
}

/* Lists the shell and its descendants (breadth first), at most max of them. */
static int walk(pid_t *pids, int max) {
  int n = 0;
  pids[n++] = s.pid;
  for (int i = 0; i < n; i++) {
    char path[80], buf[4096];
    snprintf(path, sizeof path, "%d/task/%d/children", pids[i], pids[i]);
    int fd = openat(proc_fd, path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    ssize_t len = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (len <= 0) continue;
    buf[len] = 0;
    for (char *t = strtok(buf, " \n"); t && n < max; t = strtok(NULL, " \n")) pids[n++] = atoi(t);
  }
  return n;
}

static int sleeping(char state) { return state != 'R' && state != 'D'; }

/* Whether process pid sleeps in a call that waits for input (read, select, poll and kin). */
static int waits_for_input(pid_t pid) {
  char path[64], buf[64];
  snprintf(path, sizeof path, "%d/syscall", pid);
  int fd = openat(proc_fd, path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0 || buf[0] < '0' || buf[0] > '9') return 0; /* "running", or not in a call */
  buf[n] = 0;
  long nr = strtol(buf, NULL, 10);
  return nr == 0 || nr == 7 || nr == 19 || nr == 23 || nr == 270 || nr == 271;
}

/*
 * Whether the terminal waits for the person: either the shell's own group is in front and the
 * shell sleeps reading its input (at the prompt), or a job is in front and every process of it
 * sleeps (reading, on a timer, waiting for a child). A shell in front but not reading is between
 * commands (forking a job not yet in front, waiting for one): not settled.
 */
static int foreground_sleeps(void) {
  pid_t fg = 0;
  if (ioctl(s.master, TIOCGPGRP, &fg) < 0) return 1; /* no foreground: nobody to wait for */
  struct proc p;
  if (fg == s.pid) return read_proc(s.pid, &p) == 0 && sleeping(p.state) && waits_for_input(s.pid);
  pid_t pids[MAX_WALK];
  int n = walk(pids, MAX_WALK), members = 0;
  for (int i = 0; i < n; i++) {
    if (read_proc(pids[i], &p) < 0 || p.pgrp != fg || p.state == 'Z' || p.state == 'X') continue;
    if (!sleeping(p.state)) return 0;
    members++;
  }
  return members > 0; /* a job that just ended leaves the shell to take the terminal back */
}

/* The hex value of status line "key:" in buf, 0 when absent. */
static unsigned long long status_field(const char *buf, const char *key) {
  const char *at = strstr(buf, key);
  return at ? strtoull(at + strlen(key), NULL, 16) : 0;
}

/*
 * Whether a process of the session has a signal on its way (pending and not blocked): it is
 * about to act on it (a killed runaway that has not yet run to its end), so not settled.
 */
static int signal_on_its_way(void) {
  pid_t pids[MAX_WALK];
  int n = walk(pids, MAX_WALK);
  for (int i = 0; i < n; i++) {
    char path[64], buf[4096];
    snprintf(path, sizeof path, "%d/status", pids[i]);
    int fd = openat(proc_fd, path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    ssize_t len = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (len <= 0) continue;
    buf[len] = 0;
    if (strstr(buf, "State:\tZ") || strstr(buf, "State:\tX")) continue;
    unsigned long long pending = status_field(buf, "\nSigPnd:") | status_field(buf, "\nShdPnd:");
    if (pending & ~status_field(buf, "\nSigBlk:")) return 1;
  }
  return 0;
}

/* Fills the step's view of the machine: processes, memory, CPU, files, working directory. */
static void touch(void) {
  step.files = count_files();
  if (s.ended) return;
  pid_t pids[MAX_WALK];
  int n = walk(pids, MAX_WALK);
  struct proc p;
  uint64_t cpu = 0;
  for (int i = 0; i < n; i++) {
    if (read_proc(pids[i], &p) < 0) continue;
    if (p.state == 'Z' || p.state == 'X') continue; /* dead, not yet reaped by its parent */
    step.processes++;
    step.memory += p.rss;
    cpu += p.cpu;
    if (i == 0) s.cpu_reaped = p.reaped;
  }
  step.cpu_ns = cpu + s.cpu_reaped;
  char path[64];
  snprintf(path, sizeof path, "%d/cwd", s.pid);
  ssize_t len = readlinkat(proc_fd, path, step.cwd, sizeof step.cwd - 1);
  if (len < 0) len = 0;
  memset(step.cwd + len, 0, sizeof step.cwd - (size_t)len);
}

/* ---------------------------------------------------------------- output */

static void keep_output(const uint8_t *buf, size_t n) {
  step.output_total += (uint32_t)n; /* n is at most a read's 16 KiB, below TERM_OUTPUT */
  if (step.output_len + n > TERM_OUTPUT) {
    size_t drop = step.output_len + n - TERM_OUTPUT;
    memmove(out, out + drop, step.output_len - drop);
    step.output_len -= (uint32_t)drop;
    step.flags |= FLAG_CUT;
  }
  memcpy(out + step.output_len, buf, n);
  step.output_len += (uint32_t)n;
}

static void end_session(uint16_t why) {
  if (s.alive && !s.ended) {
    kill_run(s.pidfd); /* the shell is the namespace's init: every process goes with it */
    s.end_flags |= why;
  }
}

/* Reads what the terminal wrote; a non-blocking read also flushes the pty's pending work. */
static int drain(void) {
  uint8_t buf[16384];
  int got = 0;
  for (;;) {
    ssize_t n = read(s.master, buf, sizeof buf);
    if (n <= 0) return got;
    got = 1;
    keep_output(buf, (size_t)n);
    s.written += (uint32_t)n;
    if (s.written > lim.output_cap) end_session(FLAG_OUTPUT_CAP);
  }
}

static void reap(void) {
  siginfo_t si;
  memset(&si, 0, sizeof si);
  if (syscall(SYS_waitid, P_PIDFD, s.pidfd, &si, WEXITED, NULL) == 0) {
    if (si.si_code == CLD_EXITED) {
      s.end_flags |= FLAG_EXITED;
      s.exit_code = si.si_status;
    } else {
      s.end_flags |= FLAG_SIGNALED;
      s.signal = si.si_status;
    }
  }
  s.ended = 1;
}

/*
 * Serves what happened within wait_ns (-1: until stdin has a request); returns 1 when something
 * of the session's did.
 */
static int serve(int64_t wait_ns) {
  struct pollfd p[4] = {{s.pidfd, POLLIN, 0}, {s.listener, POLLIN, 0}, {s.master, POLLIN, 0},
                        {wait_ns < 0 ? 0 : -1, POLLIN, 0}};
  struct timespec ts = {(time_t)(wait_ns / 1000000000), (long)(wait_ns % 1000000000)};
  int n = ppoll(p, 4, wait_ns < 0 ? NULL : &ts, NULL);
  if (n <= 0) return 0;
  if (p[1].revents & POLLIN) {
    int abi;
    uint32_t nr;
    int k = serve_call(s.listener, &s.bootstrapped, &s.spent, &abi, &nr);
    if (k >= 0) step.syscalls++;
    if (k == 1) step.denied++;
    if (k == 2) end_session(FLAG_BUDGET);
  }
  if (p[2].revents & (POLLIN | POLLHUP | POLLERR)) drain();
  if (p[0].revents) {
    drain();
    reap();
  }
  return (p[0].revents | p[1].revents | p[2].revents) != 0;
}

/* ---------------------------------------------------------------- one step */

/* Whether typing these bytes makes the line discipline echo something. */
static int echoes(const uint8_t *keys, uint32_t n) {
  struct termios t;
  if (n == 0 || tcgetattr(s.slave, &t) < 0) return 0;
  if (!(t.c_lflag & ECHO)) return 0;
  for (uint32_t i = 0; i < n; i++)
    if ((keys[i] >= 0x20 && keys[i] < 0x7f) || keys[i] == '\r') return 1;
  return 0;
}

/*
 * Whether a system call of the session waits for our answer. Its caller sleeps while it waits,
 * so it looks idle to foreground_sleeps(); the kernel queues the notification before the caller
 * sleeps, so asking after the walk catches every such caller the walk saw.
 */
static int call_pending(void) {
  struct pollfd p = {s.listener, POLLIN, 0};
  return poll(&p, 1, 0) > 0 && (p.revents & POLLIN);
}

/*
 * Waits until the session settles, at most ms milliseconds (then FLAG_BUSY); with expect_echo,
 * not before the step's output grew past echo_after bytes.
 */
static void settle(int expect_echo, uint32_t echo_after, uint32_t ms) {
  uint64_t deadline = now_ns() + (uint64_t)ms * 1000000ull;
  uint64_t quiet = (uint64_t)lim.quiet_us * 1000ull;
  uint64_t last = now_ns();
  uint64_t checked = 0; /* when the session was last found unsettled after a quiet spell */
  while (!s.ended) {
    uint64_t now = now_ns();
    if (now >= deadline) {
      step.flags |= FLAG_BUSY;
      break;
    }
    /* wait for the quiet spell to end; once it has, look again only after RECHECK_NS, so that
       the supervisor does not spin on a core the session needs */
    uint64_t until = checked > last ? checked + RECHECK_NS : last + quiet;
    if (until > deadline) until = deadline;
    if (serve(until > now ? (int64_t)(until - now) : 0)) {
      last = now_ns();
      continue;
    }
    if (now_ns() < last + quiet) continue;
    checked = now_ns();
    if (expect_echo && step.output_total <= echo_after) {
      /* polling the slave end processes the keys still queued for its line discipline
         (n_tty_poll flushes the port's pending work), which a busy machine may delay */
      struct pollfd q = {s.slave, POLLIN, 0};
      poll(&q, 1, 0);
      continue;
    }
    if (drain()) { last = now_ns(); continue; }
    /* twice: a child that exits during one walk leaves its parent (woken by then) looking asleep */
    if (foreground_sleeps() && !call_pending() && !signal_on_its_way() && foreground_sleeps() && !call_pending()) {
      /* what a process wrote or asked just before it slept may still be on its way: look once more */
      if (serve(0) || drain()) { last = now_ns(); continue; }
      break;
    }
  }
}

static void send_step(void) {
  step.magic = TERM_REPLY_MAGIC;
  step.version = PROTOCOL_VERSION;
  if (write_full(1, &step, sizeof step) < 0 || write_full(1, out, step.output_len) < 0) exit(0);
  memset(&step, 0, sizeof step);
}

static void reply_step(uint64_t start) {
  touch();
  if (s.ended) {
    step.flags |= FLAG_ENDED | s.end_flags;
    step.exit_code = s.exit_code;
    step.signal = s.signal;
  }
  step.spent = s.spent;
  step.wall_ns = now_ns() - start;
  send_step();
}

static void type_keys(const uint8_t *keys, uint32_t n) {
  uint64_t start = now_ns();
  if (s.alive && !s.ended) {
    int expect = echoes(keys, n);
    uint32_t before = step.output_total; /* output kept between requests is no echo */
    for (uint32_t i = 0; i < n;) { /* the pty may be full; what does not fit is dropped */
      ssize_t w = write(s.master, keys + i, n - i);
      if (w <= 0) break;
      i += (uint32_t)w;
    }
    /* polling the slave end runs the line discipline's work on the keys now (n_tty_poll flushes
       the port's pending input), so that their echo, erase or signal happens before the quiet
       spell starts rather than whenever a busy machine gets to it */
    struct pollfd q = {s.slave, POLLIN, 0};
    poll(&q, 1, 0);
    settle(expect, before, lim.timeout_ms);
  } else {
    drain();
  }
  reply_step(start);
}

/* ---------------------------------------------------------------- opening and closing */

static void close_session(void) {
  if (!s.alive) return;
  end_session(0);
  if (!s.ended) reap();
  drain();
  close(s.pidfd);
  close(s.listener);
  close(s.master);
  close(s.slave);
  s.alive = 0;
}

static char *const ENV_SH[] = {"PATH=/usr/bin:/bin", "HOME=/scratch", "TERM=vt100", "LC_ALL=C",
                               "PS1=\033]0;$?\007$ ", NULL};
static char *const ENV_BASH[] = {"PATH=/usr/bin:/bin", "HOME=/scratch", "TERM=vt100", "LC_ALL=C",
                                 "PS1=\\[\033]0;$?\007\\]\\$ ", NULL};

/* Runs in the session's new user + pid namespace as its pid 1; never returns. */
static void session_child(int go_r, int ready_w, int slave, const char *script, int bash) {
  char go;
  if (read(go_r, &go, 1) != 1) _exit(121);
  drop_privileges();
  int tty = fcntl(slave, F_DUPFD_CLOEXEC, 16), ready = fcntl(ready_w, F_DUPFD_CLOEXEC, 16);
  if (tty < 0 || ready < 0) _exit(129);
  /* fd 3 stays taken until exec, so that the filter's listener becomes LISTENER_FD */
  if (dup2(tty, 0) < 0 || dup2(tty, 1) < 0 || dup2(tty, 2) < 0 || dup3(tty, 3, O_CLOEXEC) < 0 ||
      dup2(ready, READY_FD) < 0)
    _exit(129);
  if (syscall(SYS_close_range, LISTENER_FD, READY_FD - 1, 0) < 0 ||
      syscall(SYS_close_range, READY_FD + 1, ~0u, 0) < 0)
    _exit(130);
  set_limits();
  if (personality(ADDR_NO_RANDOMIZE) < 0) _exit(127);
  if (chdir("/scratch") < 0) _exit(128);
  if (setsid() < 0 || ioctl(0, TIOCSCTTY, 0) < 0) _exit(128);
  sigset_t none;
  sigemptyset(&none);
  for (int sig = 1; sig < NSIG; sig++) signal(sig, SIG_DFL);
  sigprocmask(SIG_SETMASK, &none, NULL);
  if (install_filter() != LISTENER_FD) _exit(132);
  if (write(READY_FD, "r", 1) != 1) _exit(131);
  close(READY_FD);
  char *const argv[] = {"sh", "-c", (char *)script, NULL};
  execve("/bin/sh", argv, bash ? ENV_BASH : ENV_SH);
  _exit(133);
}

static int open_pty(const struct open_args *a, int *slave) {
  int master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
  if (master < 0) return -1;
  int unlock = 0;
  struct winsize ws = {a->rows, a->cols, 0, 0};
  if (ioctl(master, TIOCSPTLCK, &unlock) < 0 || ioctl(master, TIOCSWINSZ, &ws) < 0) {
    close(master);
    return -1;
  }
  *slave = ioctl(master, TIOCGPTPEER, O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (*slave < 0) {
    close(master);
    return -1;
  }
  return master;
}

/* Starts the shell; returns 0, or an errno. */
static int spawn(const struct open_args *a, const char *script) {
  int slave = -1, go[2] = {-1, -1}, ready[2] = {-1, -1};
  int master = open_pty(a, &slave);
  if (master < 0 || pipe2(go, O_CLOEXEC) < 0 || pipe2(ready, O_CLOEXEC) < 0) {
    int err = errno;
    if (master >= 0) close(master), close(slave);
    return err;
  }
  int pidfd = -1;
  struct clone_args ca;
  memset(&ca, 0, sizeof ca);
  ca.flags = CLONE_NEWUSER | CLONE_NEWPID | CLONE_PIDFD;
  ca.pidfd = (uint64_t)(uintptr_t)&pidfd;
  ca.exit_signal = SIGCHLD;
  pid_t pid = (pid_t)syscall(SYS_clone3, &ca, sizeof ca);
  if (pid == 0) session_child(go[0], ready[1], slave, script, a->shell == 1);
  int err = pid < 0 ? errno : 0;
  close(go[0]);
  close(ready[1]);
  char r;
  int listener = -1;
  if (!err && map_ids(pid) == 0 && write(go[1], "g", 1) == 1 && read(ready[0], &r, 1) == 1)
    listener = take_listener(pidfd);
  if (!err && listener < 0) {
    err = errno ? errno : EIO;
    kill_run(pidfd);
    syscall(SYS_waitid, P_PIDFD, pidfd, NULL, WEXITED, NULL);
    close(pidfd);
  }
  close(go[1]);
  close(ready[0]);
  if (err) {
    close(master);
    close(slave);
    return err;
  }
  s = (struct session){1, 0, pid, pidfd, listener, master, slave, 0, 0, 0, 0, 0, 0, 0};
  return 0;
}

static void open_session(uint32_t len) {
  uint64_t start = now_ns();
  close_session();
  wipe_scratch();
  struct open_args a;
  memcpy(&a, payload, sizeof a);
  size_t n = len - sizeof a;
  char *script = (char *)payload + sizeof a; /* the payload buffer has room for the suffix */
  const char *tail = a.shell == 1 ? "\nexec /bin/bash --norc --noprofile -i\n" : "\nexec /bin/sh -i\n";
  memcpy(script + n, tail, strlen(tail) + 1);
  int err = a.rows < 2 || a.cols < 2 || a.shell > 1 ? EINVAL : spawn(&a, script);
  if (err) {
    step.flags |= FLAG_SETUP_ERROR | FLAG_ENDED;
    step.exit_code = err;
  } else {
    settle(0, 0, lim.timeout_ms > OPEN_MS ? lim.timeout_ms : OPEN_MS); /* the setup runs first */
  }
  reply_step(start);
}

static void check(uint32_t len) {
  static struct reply r;
  memset(&r, 0, sizeof r);
  r.magic = REPLY_MAGIC;
  r.version = PROTOCOL_VERSION;
  run_one(payload, len, &r, 1);
  if (write_full(1, &r, sizeof r) < 0) exit(0);
}

/* ---------------------------------------------------------------- the request loop */

int terminal_loop(void) {
  clock_ticks = sysconf(_SC_CLK_TCK);
  for (;;) {
    /* between requests the session lives on: its calls are served, its output kept */
    struct pollfd in = {0, POLLIN, 0};
    if (!s.alive || s.ended) poll(&in, 1, -1);
    else
      while (poll(&in, 1, 0) == 0 && !s.ended) serve(-1);
    struct request q;
    if (read_full(0, &q, sizeof q) < 0) break; /* the JVM closed the pipe: done */
    uint32_t max = q.mode == MODE_OPEN ? MAX_SETUP + sizeof(struct open_args) : MAX_SETUP;
    if (q.magic != REQUEST_MAGIC || q.version != PROTOCOL_VERSION || q.length > max ||
        q.mode < MODE_OPEN || q.mode > MODE_CLOSE ||
        (q.mode == MODE_OPEN && q.length < sizeof(struct open_args))) {
      fprintf(stderr, "vivarium-exec: bad terminal request (magic %08x version %u mode %u length %u)\n",
              q.magic, q.version, q.mode, q.length);
      close_session();
      return 3;
    }
    if (read_full(0, payload, q.length) < 0) break;
    if (q.mode == MODE_OPEN) open_session(q.length);
    else if (q.mode == MODE_KEYS) type_keys(payload, q.length);
    else if (q.mode == MODE_CHECK) check(q.length);
    else {
      close_session();
      step.files = wipe_scratch();
      step.flags |= FLAG_ENDED | s.end_flags;
      step.exit_code = s.exit_code;
      step.signal = s.signal;
      send_step();
    }
  }
  close_session();
  return 0;
}
