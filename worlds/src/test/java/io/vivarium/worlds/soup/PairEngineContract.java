package io.vivarium.worlds.soup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PairEngine} must do, checked against {@link Bff#run} (the plain interpreter):
 * extend this class with the engine under test. Random pairs of three kinds (uniform bytes, bytes
 * drawn mostly from the ten instructions and zero, and copies of a replicator), every step limit
 * edge, sub-ranges, and disjoint ranges from several threads at once.
 */
abstract class PairEngineContract {
  /** The engine under test. */
  abstract PairEngine engine();

  private static final byte[] ALPHABET = {'<', '>', '{', '}', '+', '-', '.', ',', '[', ']', 0};

  /** A soup of {@code tapes} tapes: kind 0 uniform, 1 instruction-rich, 2 mixed with replicators. */
  static byte[] soup(long seed, int tapes, int kind) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] soup = new byte[tapes * Bff.TAPE];
    for (int i = 0; i < soup.length; i++) {
      soup[i] = kind == 0 || r.nextInt(8) == 0 ? (byte) r.nextInt(256) : ALPHABET[r.nextInt(ALPHABET.length)];
    }
    if (kind == 2) {
      byte[] rep = SoupMetricsTest.replicator();
      for (int t = 0; t < tapes; t += 3) {
        System.arraycopy(rep, 0, soup, t * Bff.TAPE, Bff.TAPE);
      }
    }
    return soup;
  }

  /** What the reference does with the same pairs: the expected soup, and the ops as the return. */
  static long expected(byte[] soup, int[] first, int[] second, int from, int to, int maxSteps) {
    long ops = 0;
    byte[] p = new byte[Bff.PAIR];
    for (int k = from; k < to; k++) {
      System.arraycopy(soup, first[k] * Bff.TAPE, p, 0, Bff.TAPE);
      System.arraycopy(soup, second[k] * Bff.TAPE, p, Bff.TAPE, Bff.TAPE);
      ops += Bff.run(p, maxSteps);
      System.arraycopy(p, 0, soup, first[k] * Bff.TAPE, Bff.TAPE);
      System.arraycopy(p, Bff.TAPE, soup, second[k] * Bff.TAPE, Bff.TAPE);
    }
    return ops;
  }

  private static int[][] pairing(long seed, int tapes) {
    int[] s = new SoupRandom(seed).permutation(seed, tapes);
    int[] first = new int[tapes / 2];
    int[] second = new int[tapes / 2];
    for (int k = 0; k < tapes / 2; k++) {
      first[k] = s[2 * k];
      second[k] = s[2 * k + 1];
    }
    return new int[][] {first, second};
  }

  @Test
  void randomPairsGiveTheReferencesBytesAndOps() {
    for (int kind = 0; kind < 3; kind++) {
      for (int maxSteps : new int[] {Bff.MAX_STEPS, 1, 2, 127, 128, 129, 1000}) {
        long seed = kind * 1000L + maxSteps;
        byte[] soup = soup(seed, 512, kind);
        byte[] want = soup.clone();
        int[][] p = pairing(seed, 512);
        long ops = expected(want, p[0], p[1], 0, 256, maxSteps);
        assertThat(engine().runPairs(soup, p[0], p[1], 0, 256, maxSteps)).as("kind %d, %d steps", kind, maxSteps)
            .isEqualTo(ops);
        assertThat(soup).as("kind %d, %d steps", kind, maxSteps).isEqualTo(want);
      }
    }
  }

  @Test
  void onlyTheGivenRangeRuns() {
    byte[] soup = soup(7, 64, 1);
    byte[] want = soup.clone();
    int[][] p = pairing(7, 64);
    long ops = expected(want, p[0], p[1], 5, 19, Bff.MAX_STEPS);
    assertThat(engine().runPairs(soup, p[0], p[1], 5, 19, Bff.MAX_STEPS)).isEqualTo(ops);
    assertThat(soup).isEqualTo(want);
    assertThat(engine().runPairs(soup, p[0], p[1], 3, 3, Bff.MAX_STEPS)).isZero();
    assertThat(soup).isEqualTo(want);
  }

  @Test
  void disjointRangesFromSeveralThreadsAtOnce() throws Exception {
    byte[] soup = soup(11, 4096, 1);
    byte[] want = soup.clone();
    int[][] p = pairing(11, 4096);
    long ops = expected(want, p[0], p[1], 0, 2048, Bff.MAX_STEPS);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      long got = 0;
      java.util.List<Future<Long>> parts = new java.util.ArrayList<>();
      for (int c = 0; c < 16; c++) {
        int from = c * 128;
        parts.add(pool.submit(() -> engine().runPairs(soup, p[0], p[1], from, from + 128, Bff.MAX_STEPS)));
      }
      for (Future<Long> f : parts) {
        got += f.get();
      }
      assertThat(got).isEqualTo(ops);
      assertThat(soup).isEqualTo(want);
    } finally {
      pool.shutdownNow();
    }
  }
}
