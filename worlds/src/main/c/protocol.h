/*
 * Wire format between the JVM and vivarium-exec (all integers little-endian, version 2).
 * Mirrored by io.vivarium.worlds.exec.ExecProtocol and io.vivarium.worlds.terminal.TerminalSandbox;
 * docs/sandbox.md describes it.
 */
#ifndef VIVARIUM_PROTOCOL_H
#define VIVARIUM_PROTOCOL_H
#include <stdint.h>

#define PROTOCOL_VERSION 2
#define HELLO_MAGIC 0x48455856u   /* "VXEH": sent once after setup */
#define REQUEST_MAGIC 0x51455856u /* "VXEQ": one program */
#define REPLY_MAGIC 0x52455856u   /* "VXER": one outcome */
#define TERM_REPLY_MAGIC 0x54455856u /* "VXET": one terminal step */

#define MODE_MACHINE 0
#define MODE_SHELL 1
#define MODE_OPEN 2               /* terminal: a fresh home and shell; payload open_args + setup */
#define MODE_KEYS 3               /* terminal: keystrokes; payload the bytes typed */
#define MODE_CHECK 4              /* terminal: a /bin/sh script on the live home; a reply */
#define MODE_CLOSE 5              /* terminal: end the session and wipe the home */
#define MAX_SETUP (64u << 10)
#define TERM_OUTPUT (64u << 10)   /* the newest terminal output bytes kept per step */
#define MAX_PROGRAM (1u << 20)

#define ELF_LOAD_ADDR 0x400000ull
#define ELF_CODE_OFFSET 120
#define ELF_BSS_EXTRA 65536

#define OUTPUT_SLOTS 4096
#define HIST_SLOTS 1024           /* per ABI; numbers >= 1023 share the last slot */
#define ABI_X86_64 0
#define ABI_I386 1
#define ABI_X32 2

#define FLAG_EXITED 1
#define FLAG_SIGNALED 2
#define FLAG_TIMEOUT 4
#define FLAG_BUDGET 8
#define FLAG_OUTPUT_CAP 16
#define FLAG_SETUP_ERROR 32
#define FLAG_BUSY 64              /* terminal: the step's time ran out with the foreground busy */
#define FLAG_CUT 128              /* terminal: older output of the step was dropped */
#define FLAG_ENDED 256            /* terminal: the session is over (exit, signal, or a limit) */

struct __attribute__((packed)) hello {
  uint32_t magic;
  uint16_t version;
  uint16_t status;                /* 0 ready; otherwise message says why not */
  char message[248];
};

struct __attribute__((packed)) request {
  uint32_t magic;
  uint16_t version;
  uint16_t mode;
  uint32_t length;                /* program bytes that follow */
};

struct __attribute__((packed)) reply {
  uint32_t magic;
  uint16_t version;
  uint16_t flags;
  int32_t exit_code;
  int32_t signal;
  uint64_t wall_ns;
  uint64_t cpu_ns;
  uint32_t syscalls;              /* counted calls, denied ones included */
  uint32_t denied;
  uint32_t output_total;          /* bytes written to stdout+stderr (counted up to the cap) */
  uint32_t output_len;            /* bytes kept in output[] */
  uint32_t files;                 /* entries left in /scratch */
  uint32_t reserved;
  uint8_t output[OUTPUT_SLOTS];
  uint32_t hist[3][HIST_SLOTS];   /* (ABI, number) */
};

struct __attribute__((packed)) open_args {
  uint16_t rows;
  uint16_t cols;
  uint16_t shell;                 /* 0 /bin/sh (dash), 1 /bin/bash */
  uint16_t reserved;
};

struct __attribute__((packed)) term_reply {
  uint32_t magic;
  uint16_t version;
  uint16_t flags;
  int32_t exit_code;              /* of the shell, once the session ended */
  int32_t signal;
  uint64_t wall_ns;               /* of this step */
  uint64_t cpu_ns;                /* of the whole session so far */
  uint64_t memory;                /* resident bytes of the session's processes now */
  uint32_t syscalls;              /* counted in this step, denied ones included */
  uint32_t denied;
  uint32_t spent;                 /* counted in the whole session */
  uint32_t output_total;          /* bytes the terminal wrote in this step */
  uint32_t output_len;            /* bytes that follow the record (the newest ones) */
  uint32_t processes;             /* alive in the session now */
  uint32_t files;                 /* entries in the home, counted to 4096 */
  uint32_t reserved;
  char cwd[128];                  /* the shell's working directory, NUL-padded */
};

_Static_assert(sizeof(struct term_reply) == 200, "terminal reply header is 200 bytes");
_Static_assert(sizeof(struct hello) == 256, "hello is 256 bytes");
_Static_assert(sizeof(struct request) == 12, "request header is 12 bytes");
_Static_assert(sizeof(struct reply) == 56 + OUTPUT_SLOTS + 3 * 4 * HIST_SLOTS, "reply size");
#endif
