package io.vivarium.worlds.soup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The reference interpreter on hand-worked programs and on cubff's own op counts. */
class BffTest {
  private static byte[] program(String text) {
    return Golden.parse(text);
  }

  @Test
  void eachInstructionOnHandWorkedTapes() {
    byte[] p = program("+");
    assertThat(Bff.run(p, 100)).isEqualTo(1);
    assertThat(p[0]).isEqualTo((byte) ('+' + 1)); // head 0 starts on the program itself

    p = program("-");
    Bff.run(p, 100);
    assertThat(p[0]).isEqualTo((byte) ('-' - 1));

    p = program(">+");
    assertThat(Bff.run(p, 100)).isEqualTo(2);
    assertThat(p[1]).isEqualTo((byte) ('+' + 1));

    p = program("}."); // head 1 to 1, copy byte 0 ('}') there
    Bff.run(p, 100);
    assertThat(p[1]).isEqualTo((byte) '}');

    p = program("{,"); // head 1 to 127 (wraps), copy its byte (0) to head 0
    Bff.run(p, 100);
    assertThat(p[0]).isZero();

    p = program("<+"); // head 0 wraps to 127
    Bff.run(p, 100);
    assertThat(p[127]).isEqualTo((byte) 1);
  }

  @Test
  void loopsSkipOnZeroAndRepeatOnNonZero() {
    byte[] p = program("<---[+]"); // byte 127 becomes 253; the loop adds 1 until it wraps to 0
    long ops = Bff.run(p, 10_000);
    assertThat(p[127]).isZero();
    assertThat(ops).isEqualTo(1 + 3 + 1 + 3 * 2);

    p = program(">>>[+]"); // head 0 on the '[' itself: '+' turns it into '\\', so ']' finds no match
    ops = Bff.run(p, 10_000);
    assertThat(p[3]).isEqualTo((byte) '\\');
    assertThat(ops).isEqualTo(3 + 1 + 1 + 1);

    p = program("<[+]+"); // head 0 wraps to 127, a zero byte: skip the loop
    ops = Bff.run(p, 10_000);
    assertThat(p[127]).isEqualTo((byte) 1); // only the trailing + ran on it
    assertThat(ops).isEqualTo(3);
  }

  @Test
  void unmatchedBracketsEndTheRunAndCountAsOneOp() {
    byte[] p = program("]]");
    assertThat(Bff.run(p, 100)).isEqualTo(1);
    p = program("<[+"); // head 0 on a zero byte, no ']' to the end: stop
    assertThat(Bff.run(p, 100)).isEqualTo(2);
    assertThat(p[127]).isZero();
  }

  @Test
  void theStepLimitStopsAnEndlessLoop() {
    assertThat(Bff.run(program("[]"), Bff.MAX_STEPS)).isEqualTo(Bff.MAX_STEPS);
    assertThat(Bff.run(program("[]"), 7)).isEqualTo(7);
    assertThat(Bff.run(program("0"), Bff.MAX_STEPS)).isZero(); // 128 comments: no ops
  }

  @Test
  void opsMatchCubffOnGoldenPrograms() {
    for (String[] line : Golden.lines("run")) {
      assertThat(Bff.run(program(line[1]), Bff.MAX_STEPS)).as(line[1]).isEqualTo(Long.parseLong(line[0]));
    }
    assertThat(Golden.lines("run")).hasSizeGreaterThan(30);
  }

  @Test
  void referenceEngineRunsPairsAsConcatenatedPrograms() {
    SplittableRandom r = new SplittableRandom(5);
    byte[] soup = new byte[8 * Bff.TAPE];
    r.nextBytes(soup);
    byte[] expect = soup.clone();
    int[] first = {3, 0, 6};
    int[] second = {1, 7, 2};
    long want = 0;
    for (int k = 1; k < 3; k++) {
      byte[] p = new byte[Bff.PAIR];
      System.arraycopy(expect, first[k] * 64, p, 0, 64);
      System.arraycopy(expect, second[k] * 64, p, 64, 64);
      want += Bff.run(p, Bff.MAX_STEPS);
      System.arraycopy(p, 0, expect, first[k] * 64, 64);
      System.arraycopy(p, 64, expect, second[k] * 64, 64);
    }
    assertThat(Bff.reference().runPairs(soup, first, second, 1, 3, Bff.MAX_STEPS)).isEqualTo(want);
    assertThat(soup).isEqualTo(expect);
  }

  @Test
  void wrongProgramLengthIsNamed() {
    assertThatThrownBy(() -> Bff.run(new byte[64], 10)).hasMessageContaining("128 bytes");
  }
}
