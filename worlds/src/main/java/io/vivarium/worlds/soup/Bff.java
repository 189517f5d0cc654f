package io.vivarium.worlds.soup;

/**
 * The {@code bff_noheads} language as cubff defines it, and its plain reference interpreter.
 *
 * <p>A program is 128 bytes (two 64-byte tapes side by side) and is its own data. Both heads start
 * at 0 and every head position is taken modulo 128 before each step; the program counter starts at
 * 0. The ten instructions: {@code < >} move head 0, <code>{ }</code> move head 1, {@code + -}
 * add to the byte at head 0, {@code .} copies head 0's byte to head 1, {@code ,} copies head 1's
 * byte to head 0, {@code [} jumps past its matching {@code ]} when the byte at head 0 is 0, and
 * {@code ]} jumps back to its matching {@code [} when that byte is not 0. Every other byte is a
 * comment. The run ends after {@code maxSteps} steps, when the counter leaves the program, or
 * when a jump finds no matching bracket. Its "ops" are the steps that were instructions, the step
 * of an unmatched jump included.
 */
public final class Bff {
  /** Bytes per tape. */
  public static final int TAPE = 64;
  /** Bytes per pair: the program a pair runs. */
  public static final int PAIR = 2 * TAPE;
  /** cubff's step limit per pair (2^13). */
  public static final int MAX_STEPS = 8 * 1024;

  private static final PairEngine REFERENCE = new Reference();

  private Bff() {}

  /** The plain interpreter: one pair at a time, copied out, run, copied back. */
  public static PairEngine reference() {
    return REFERENCE;
  }

  /**
   * Runs {@code program} (128 bytes, modified in place) for at most {@code maxSteps} steps and
   * returns its ops.
   */
  public static long run(byte[] program, int maxSteps) {
    if (program.length != PAIR) {
      throw new IllegalArgumentException("a bff program must be " + PAIR + " bytes (two tapes); got "
          + program.length + "; pass two 64-byte tapes side by side");
    }
    int h0 = 0;
    int h1 = 0;
    int pc = 0;
    long steps = 0;
    long comments = 0;
    while (steps < maxSteps) {
      h0 &= PAIR - 1;
      h1 &= PAIR - 1;
      steps++;
      switch (program[pc]) {
        case '<' -> h0--;
        case '>' -> h0++;
        case '{' -> h1--;
        case '}' -> h1++;
        case '+' -> program[h0]++;
        case '-' -> program[h0]--;
        case '.' -> program[h1] = program[h0];
        case ',' -> program[h0] = program[h1];
        case '[' -> pc = program[h0] == 0 ? forward(program, pc) : pc;
        case ']' -> pc = program[h0] != 0 ? backward(program, pc) : pc;
        default -> comments++;
      }
      if (pc < 0 || ++pc >= PAIR) {
        break;
      }
    }
    return steps - comments;
  }

  /** The matching {@code ]} of the {@code [} at {@code pc}, or {@link #PAIR} (end) if none. */
  private static int forward(byte[] p, int pc) {
    int depth = 1;
    for (int i = pc + 1; i < PAIR; i++) {
      if (p[i] == ']' && --depth == 0) {
        return i;
      }
      if (p[i] == '[') {
        depth++;
      }
    }
    return PAIR;
  }

  /** The matching {@code [} of the {@code ]} at {@code pc}, or -1 (end) if none. */
  private static int backward(byte[] p, int pc) {
    int depth = 1;
    for (int i = pc - 1; i >= 0; i--) {
      if (p[i] == '[' && --depth == 0) {
        return i;
      }
      if (p[i] == ']') {
        depth++;
      }
    }
    return -1;
  }

  /** Whether {@code b} is one of the ten instructions. */
  public static boolean isInstruction(byte b) {
    return switch (b) {
      case '<', '>', '{', '}', '+', '-', '.', ',', '[', ']' -> true;
      default -> false;
    };
  }

  private static final class Reference implements PairEngine {
    @Override
    public long runPairs(byte[] soup, int[] first, int[] second, int from, int to, int maxSteps) {
      byte[] program = new byte[PAIR];
      long ops = 0;
      for (int k = from; k < to; k++) {
        int a = first[k] * TAPE;
        int b = second[k] * TAPE;
        System.arraycopy(soup, a, program, 0, TAPE);
        System.arraycopy(soup, b, program, TAPE, TAPE);
        ops += run(program, maxSteps);
        System.arraycopy(program, 0, soup, a, TAPE);
        System.arraycopy(program, TAPE, soup, b, TAPE);
      }
      return ops;
    }

    @Override
    public String name() {
      return "reference";
    }
  }
}
