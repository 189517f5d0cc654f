package io.vivarium.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EntropyTest {
  @Test
  void uniformCertainAndEmptyHistograms() {
    long[] uniform = new long[256];
    java.util.Arrays.fill(uniform, 3);
    assertThat(Entropy.bits(uniform)).isCloseTo(8.0, within(1e-12));
    assertThat(Entropy.bits(new long[] {0, 5, 0})).isZero();
    assertThat(Entropy.bits(new long[4])).isZero();
    assertThat(Entropy.nats(new int[] {1, 1})).isCloseTo(Math.log(2), within(1e-12));
  }
}
