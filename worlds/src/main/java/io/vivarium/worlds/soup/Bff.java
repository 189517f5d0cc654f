package io.vivarium.worlds.soup;

/**
 * The BFF language as cubff's {@code bff_noheads} defines it, and its plain reference
 * interpreter.
 *
 * <p>A program is 128 bytes (two 64-byte tapes). The program counter starts at 0, both heads at
 * 0; heads wrap modulo 128. Ten bytes are instructions: {@code < >} move head 0, {@code { }}
 * move head 1, {@code + -} change the byte under head 0, {@code .} copies head 0's byte to
 * head 1, {@code ,} copies head 1's byte to head 0, {@code [} jumps past its matching
 * {@code ]} when head 0's byte is 0, {@code ]} jumps back to its matching {@code [} when it is
 * not. Every other byte (0 included) does nothing. An unmatched jump ends the run, so does
 * leaving the program or reaching the step limit. Every byte visited is a step (counted against
 * the limit); "ops" are the steps that were instructions.
 *
 * <p>Stateless and thread-safe.
 */
public final class Bff {
  /** Bytes per tape. */
  public static final int TAPE = 64;
  /** Bytes per running pair of tapes. */
  public static final int PAIR = 2 * TAPE;
  /** cubff's step limit per pair (8 * 1024). */
  public static final int MAX_STEPS = 8 * 1024;

  private Bff() {}

  /** The plain interpreter, one byte visited per loop iteration; the yardstick for fast ones. */
  public static PairEngine reference() {
    return Bff::runReference;
  }

  private static long runReference(byte[] soup, int[] first, int[] second, int from, int to,
      int maxSteps) {
    byte[] program = new byte[PAIR];
    long ops = 0;
    for (int k = from; k < to; k++) {
      System.arraycopy(soup, first[k] * TAPE, program, 0, TAPE);
      System.arraycopy(soup, second[k] * TAPE, program, TAPE, TAPE);
      ops += run(program, maxSteps);
      System.arraycopy(program, 0, soup, first[k] * TAPE, TAPE);
      System.arraycopy(program, TAPE, soup, second[k] * TAPE, TAPE);
    }
    return ops;
  }

  /**
   * Runs one 128-byte program in place for at most {@code maxSteps} steps; returns its ops.
   */
  public static int run(byte[] program, int maxSteps) {
    if (program.length != PAIR) {
      throw new IllegalArgumentException("a BFF program is " + PAIR + " bytes; got "
          + program.length + " (pass two 64-byte tapes concatenated)");
    }
    int pc = 0;
    int head0 = 0;
    int head1 = 0;
    int ops = 0;
    for (int step = 0; step < maxSteps; step++) {
      switch (program[pc]) {
        case '<' -> head0 = (head0 - 1) & (PAIR - 1);
        case '>' -> head0 = (head0 + 1) & (PAIR - 1);
        case '{' -> head1 = (head1 - 1) & (PAIR - 1);
        case '}' -> head1 = (head1 + 1) & (PAIR - 1);
        case '+' -> program[head0]++;
        case '-' -> program[head0]--;
        case '.' -> program[head1] = program[head0];
        case ',' -> program[head0] = program[head1];
        case '[' -> {
          if (program[head0] == 0) {
            pc = scan(program, pc, +1);
          }
        }
        case ']' -> {
          if (program[head0] != 0) {
            pc = scan(program, pc, -1);
          }
        }
        default -> {
          pc++;
          if (pc == PAIR) {
            return ops;
          }
          continue;
        }
      }
      ops++;
      if (pc < 0) {
        return ops;
      }
      pc++;
      if (pc >= PAIR) {
        return ops;
      }
    }
    return ops;
  }

  /** The matching bracket of the one at pc walking in direction dir, or -1/PAIR if none. */
  private static int scan(byte[] program, int pc, int dir) {
    int depth = 1;
    for (int p = pc + dir; p >= 0 && p < PAIR; p += dir) {
      if (program[p] == '[') {
        depth += dir;
      } else if (program[p] == ']') {
        depth -= dir;
      }
      if (depth == 0) {
        return p;
      }
    }
    return dir > 0 ? PAIR : -1;
  }
}
