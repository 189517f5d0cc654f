package io.vivarium.worlds.soup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The vectorized mutation against cubff's rule written out plainly. */
class SoupMutationTest {
  @Test
  void vectorMutationEqualsThePlainRule() {
    assertThat(SoupMutation.usable()).as("tests run with jdk.incubator.vector").isTrue();
    SplittableRandom random = new SplittableRandom(4);
    int size = 512;
    int[] first = new int[size / 2];
    int[] second = new int[size / 2];
    for (int k = 0; k < size / 2; k++) {
      first[k] = 2 * k + 1;
      second[k] = size - 2 - 2 * k;
    }
    for (long prob : new long[] {0, 1, 1 << 18, 1 << 27, SoupOptions.MUTATION_ONE}) {
      byte[] soup = new byte[size * Bff.TAPE];
      random.nextBytes(soup);
      byte[] expected = soup.clone();
      long seedE = random.nextLong();
      plain(expected, first, second, 5, 200, size, seedE, prob);
      SoupMutation.mutate(soup, first, second, 5, 200, size, seedE, prob);
      assertThat(soup).as("probability %d", prob).isEqualTo(expected);
    }
  }

  private static void plain(byte[] soup, int[] first, int[] second, int from, int to, long size,
      long seedE, long prob) {
    for (int k = from; k < to; k++) {
      for (int i = 0; i < Bff.PAIR; i++) {
        long r = SoupRandom.splitMix64((size * seedE + k) * Bff.PAIR + i);
        if (((r >>> 8) & (SoupOptions.MUTATION_ONE - 1)) < prob) {
          int tape = i < Bff.TAPE ? first[k] : second[k];
          soup[tape * Bff.TAPE + (i & (Bff.TAPE - 1))] = (byte) r;
        }
      }
    }
  }
}
