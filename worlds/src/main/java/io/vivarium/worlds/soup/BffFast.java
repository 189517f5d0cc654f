package io.vivarium.worlds.soup;

/**
 * A fast {@link PairEngine}, step for step equal to {@link Bff#reference()}.
 *
 * <p>What makes it fast: most bytes of a young soup are not instructions, and the reference
 * (like cubff) visits them one by one. Here each pair keeps three 128-bit masks (two longs
 * each) of where its instructions, {@code [} and {@code ]} are; the run jumps from instruction
 * to instruction with one trailing-zero count, charging the skipped bytes to the step limit in
 * one addition, and a bracket search walks only the bracket bits. A write into the program
 * updates the three bits of the byte written, so the masks stay exact under self-modification.
 *
 * <p>Two more shortcuts, both exact: a {@code ]} that jumps back to the same {@code [} as last
 * time takes the remembered target until a bracket is written, and a write touches the masks only
 * when it changes what its byte is. {@code run} is one long method on purpose: the whole
 * interpreter state (pc, heads, step count, six mask words) lives in locals of the hot loop.
 *
 * <p>Stateless and thread-safe: every call works on its own 128-byte scratch program.
 */
public final class BffFast implements PairEngine {
  private static final int PAIR = Bff.PAIR;
  private static final int TAPE = Bff.TAPE;
  // OP[b]: 0 not an instruction; 1..10 the instruction; INSTR/OPEN/CLOSE bits per byte
  private static final byte[] OP = new byte[256];
  private static final int LT = 1;
  private static final int GT = 2;
  private static final int LBRACE = 3;
  private static final int RBRACE = 4;
  private static final int PLUS = 5;
  private static final int MINUS = 6;
  private static final int DOT = 7;
  private static final int COMMA = 8;
  private static final int OPEN = 9;
  private static final int CLOSE = 10;

  // KIND[b]: what a byte is for the masks: 0 nothing, 1 an instruction, 2 '[', 3 ']'
  private static final byte[] KIND = new byte[256];

  static {
    String ops = "<>{}+-.,[]";
    for (int i = 0; i < ops.length(); i++) {
      OP[ops.charAt(i)] = (byte) (i + 1);
      KIND[ops.charAt(i)] = 1;
    }
    KIND['['] = 2;
    KIND[']'] = 3;
  }

  private static final boolean VECTOR_PRESENT =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  private final boolean vector;

  /** The engine, with the Vector API for the masks when {@code jdk.incubator.vector} is present. */
  public BffFast() {
    this(VECTOR_PRESENT && BffMasks.usable());
  }

  private BffFast(boolean vector) {
    this.vector = vector;
  }

  /** The engine without the Vector API (a table loop builds the masks). */
  public static BffFast scalar() {
    return new BffFast(false);
  }

  /** Whether this engine builds its masks with the Vector API. */
  public boolean vectorized() {
    return vector;
  }

  @Override
  public String name() {
    return vector ? "fast" : "fast-scalar";
  }

  @Override
  public long runPairs(byte[] soup, int[] first, int[] second, int from, int to, int maxSteps) {
    byte[] program = new byte[PAIR];
    long[] masks = new long[6];
    long ops = 0;
    for (int k = from; k < to; k++) {
      int a = first[k] * TAPE;
      int b = second[k] * TAPE;
      System.arraycopy(soup, a, program, 0, TAPE);
      System.arraycopy(soup, b, program, TAPE, TAPE);
      if (vector) {
        BffMasks.compute(program, masks);
      } else {
        masks(program, masks);
      }
      ops += run(program, maxSteps, masks);
      System.arraycopy(program, 0, soup, a, TAPE);
      System.arraycopy(program, TAPE, soup, b, TAPE);
    }
    return ops;
  }

  /** Runs one 128-byte program in place for at most maxSteps steps; returns its ops. */
  public static int run(byte[] program, int maxSteps) {
    long[] masks = new long[6];
    masks(program, masks);
    return run(program, maxSteps, masks);
  }

  /** The masks of BffMasks.compute, with a table loop. */
  static void masks(byte[] t, long[] out) {
    long insLo = 0;
    long insHi = 0;
    long opnLo = 0;
    long opnHi = 0;
    long clsLo = 0;
    long clsHi = 0;
    for (int i = 0; i < TAPE; i++) {
      int lo = OP[t[i] & 0xff];
      int hi = OP[t[i + TAPE] & 0xff];
      insLo |= (long) ((-lo) >>> 31) << i;
      insHi |= (long) ((-hi) >>> 31) << i;
      opnLo |= (long) (lo == OPEN ? 1 : 0) << i;
      opnHi |= (long) (hi == OPEN ? 1 : 0) << i;
      clsLo |= (long) (lo == CLOSE ? 1 : 0) << i;
      clsHi |= (long) (hi == CLOSE ? 1 : 0) << i;
    }
    out[0] = insLo;
    out[1] = insHi;
    out[2] = opnLo;
    out[3] = opnHi;
    out[4] = clsLo;
    out[5] = clsHi;
  }

  /** Runs t given its masks (instructions, '[', ']'; lo = bytes 0..63, hi = 64..127). */
  private static int run(byte[] t, int maxSteps, long[] masks) {
    long insLo = masks[0];
    long insHi = masks[1];
    long opnLo = masks[2];
    long opnHi = masks[3];
    long clsLo = masks[4];
    long clsHi = masks[5];
    int pc = 0;
    int head0 = 0;
    int head1 = 0;
    int steps = 0;
    int ops = 0;
    int loopEnd = -1; // the last ']' that jumped back, and where to
    int loopStart = 0;
    while (true) {
      // 1. the instruction at pc, or else the next one, charging the skipped bytes as steps
      if (pc >= PAIR) {
        return ops;
      }
      int op = OP[t[pc] & 0xff];
      if (op == 0) {
        int next = next(insLo, insHi, pc);
        if (next >= PAIR || steps + (next - pc) >= maxSteps) {
          return ops;
        }
        steps += next - pc;
        pc = next;
        op = OP[t[pc] & 0xff];
      } else if (steps >= maxSteps) {
        return ops;
      }
      steps++;
      ops++;
      // 2. execute it; a write that changes what its byte is (instruction, '[', ']' or none)
      //    names the byte in written
      int written = -1;
      switch (op) {
        case LT -> head0 = (head0 - 1) & (PAIR - 1);
        case GT -> head0 = (head0 + 1) & (PAIR - 1);
        case LBRACE -> head1 = (head1 - 1) & (PAIR - 1);
        case RBRACE -> head1 = (head1 + 1) & (PAIR - 1);
        case PLUS -> {
          int old = t[head0] & 0xff;
          t[head0] = (byte) (old + 1);
          written = KIND[old] != KIND[(old + 1) & 0xff] ? head0 : -1;
        }
        case MINUS -> {
          int old = t[head0] & 0xff;
          t[head0] = (byte) (old - 1);
          written = KIND[old] != KIND[(old - 1) & 0xff] ? head0 : -1;
        }
        case DOT -> {
          int old = t[head1] & 0xff;
          int value = t[head0] & 0xff;
          t[head1] = (byte) value;
          written = KIND[old] != KIND[value] ? head1 : -1;
        }
        case COMMA -> {
          int old = t[head0] & 0xff;
          int value = t[head1] & 0xff;
          t[head0] = (byte) value;
          written = KIND[old] != KIND[value] ? head0 : -1;
        }
        case OPEN -> {
          if (t[head0] == 0) {
            pc = forward(opnLo, opnHi, clsLo, clsHi, pc);
            if (pc < 0) {
              return ops;
            }
          }
        }
        default -> { // CLOSE
          if (t[head0] != 0) {
            if (pc == loopEnd) {
              pc = loopStart; // the same jump back as last time: the brackets did not change
            } else {
              int to = backward(opnLo, opnHi, clsLo, clsHi, pc);
              if (to < 0) {
                return ops;
              }
              loopEnd = pc;
              loopStart = to;
              pc = to;
            }
          }
        }
      }
      // 3. keep the masks exact after a write
      if (written >= 0) {
        int now = OP[t[written] & 0xff];
        long bit = 1L << written;
        long ins = (long) -((-now) >>> 31) & bit;
        long opn = now == OPEN ? bit : 0;
        long cls = now == CLOSE ? bit : 0;
        long changed; // bits of '[' or ']' that the write changed ('[' may become ']')
        if (written < TAPE) {
          changed = opnLo ^ ((opnLo & ~bit) | opn) | clsLo ^ ((clsLo & ~bit) | cls);
          insLo = (insLo & ~bit) | ins;
          opnLo = (opnLo & ~bit) | opn;
          clsLo = (clsLo & ~bit) | cls;
        } else {
          changed = opnHi ^ ((opnHi & ~bit) | opn) | clsHi ^ ((clsHi & ~bit) | cls);
          insHi = (insHi & ~bit) | ins;
          opnHi = (opnHi & ~bit) | opn;
          clsHi = (clsHi & ~bit) | cls;
        }
        if (changed != 0) {
          loopEnd = -1; // a bracket appeared or went: forget the remembered jump
        }
      }
      pc++;
    }
  }

  /** The first instruction at or after pc, or PAIR if none. */
  private static int next(long insLo, long insHi, int pc) {
    if (pc < TAPE) {
      long m = insLo & (-1L << pc);
      if (m != 0) {
        return Long.numberOfTrailingZeros(m);
      }
      return insHi != 0 ? TAPE + Long.numberOfTrailingZeros(insHi) : PAIR;
    }
    if (pc >= PAIR) {
      return PAIR;
    }
    long m = insHi & (-1L << pc);
    return m != 0 ? TAPE + Long.numberOfTrailingZeros(m) : PAIR;
  }

  /** The ']' matching the '[' at pc, or -1 if there is none. */
  private static int forward(long opnLo, long opnHi, long clsLo, long clsHi, int pc) {
    int depth = 1;
    int from = pc + 1;
    if (from < TAPE) {
      long m = (opnLo | clsLo) & (-1L << from);
      while (m != 0) {
        long bit = m & -m;
        depth += (opnLo & bit) != 0 ? 1 : -1;
        if (depth == 0) {
          return Long.numberOfTrailingZeros(bit);
        }
        m ^= bit;
      }
      from = TAPE;
    }
    if (from >= PAIR) {
      return -1;
    }
    long m = (opnHi | clsHi) & (-1L << from);
    while (m != 0) {
      long bit = m & -m;
      depth += (opnHi & bit) != 0 ? 1 : -1;
      if (depth == 0) {
        return TAPE + Long.numberOfTrailingZeros(bit);
      }
      m ^= bit;
    }
    return -1;
  }

  /** The '[' matching the ']' at pc, or -1 if there is none. */
  private static int backward(long opnLo, long opnHi, long clsLo, long clsHi, int pc) {
    int depth = 1;
    int from = pc - 1;
    if (from >= TAPE) {
      long m = (opnHi | clsHi) & (-1L >>> (PAIR - 1 - from));
      while (m != 0) {
        int q = 63 - Long.numberOfLeadingZeros(m);
        long bit = 1L << q;
        depth += (clsHi & bit) != 0 ? 1 : -1;
        if (depth == 0) {
          return TAPE + q;
        }
        m ^= bit;
      }
      from = TAPE - 1;
    }
    if (from < 0) {
      return -1;
    }
    long m = (opnLo | clsLo) & (-1L >>> (TAPE - 1 - from));
    while (m != 0) {
      int q = 63 - Long.numberOfLeadingZeros(m);
      long bit = 1L << q;
      depth += (clsLo & bit) != 0 ? 1 : -1;
      if (depth == 0) {
        return q;
      }
      m ^= bit;
    }
    return -1;
  }
}
