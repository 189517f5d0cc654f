/*
 * Wire format between the JVM and vivarium-exec (all integers little-endian, version 1).
 * Mirrored by io.vivarium.worlds.exec.ExecProtocol; docs/sandbox.md describes it.
 */
#ifndef VIVARIUM_PROTOCOL_H
#define VIVARIUM_PROTOCOL_H
#include <stdint.h>

#define PROTOCOL_VERSION 1
#define HELLO_MAGIC 0x48455856u   /* "VXEH": sent once after setup */
#define REQUEST_MAGIC 0x51455856u /* "VXEQ": one program */
#define REPLY_MAGIC 0x52455856u   /* "VXER": one outcome */

#define MODE_MACHINE 0
#define MODE_SHELL 1
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

_Static_assert(sizeof(struct hello) == 256, "hello is 256 bytes");
_Static_assert(sizeof(struct request) == 12, "request header is 12 bytes");
_Static_assert(sizeof(struct reply) == 56 + OUTPUT_SLOTS + 3 * 4 * HIST_SLOTS, "reply size");
#endif
