package io.vivarium.worlds.soup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** BffFast against the plain reference: same bytes and same ops, pair by pair. */
class BffFastTest {
  private static final byte[] ALPHABET = "<>{}+-.,[]\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

  @Test
  void equalsReferenceOnHundredThousandRandomPairs() {
    SplittableRandom random = new SplittableRandom(25);
    int pairs = 100_000;
    byte[] program = new byte[Bff.PAIR];
    for (int n = 0; n < pairs; n++) {
      // a third uniform bytes (a young soup), the rest dense in instructions (loops, writes,
      // the step limit), some with a small step limit
      double dense = n % 3 == 0 ? 0 : random.nextDouble();
      for (int i = 0; i < Bff.PAIR; i++) {
        program[i] = random.nextDouble() < dense
            ? ALPHABET[random.nextInt(ALPHABET.length)] : (byte) random.nextInt(256);
      }
      int maxSteps = n % 7 == 0 ? 1 + random.nextInt(300) : Bff.MAX_STEPS;
      assertSame(program, maxSteps, "pair " + n);
    }
  }

  @Test
  void vectorAndTableMasksAgree() {
    assertThat(new BffFast().vectorized()).as("tests run with jdk.incubator.vector").isTrue();
    SplittableRandom random = new SplittableRandom(3);
    byte[] program = new byte[Bff.PAIR];
    long[] vector = new long[6];
    long[] table = new long[6];
    for (int n = 0; n < 10_000; n++) {
      for (int i = 0; i < Bff.PAIR; i++) {
        program[i] = n % 2 == 0 ? (byte) random.nextInt(256)
            : ALPHABET[random.nextInt(ALPHABET.length)];
      }
      BffMasks.compute(program, vector);
      BffFast.masks(program, table);
      assertThat(vector).as("masks of program %d", n).isEqualTo(table);
    }
  }

  @Test
  void bothEnginesRunPairsInPlaceLikeTheReference() {
    SplittableRandom random = new SplittableRandom(5);
    int size = 256;
    byte[] soup = new byte[size * Bff.TAPE];
    for (int i = 0; i < soup.length; i++) {
      soup[i] = random.nextBoolean() ? ALPHABET[random.nextInt(ALPHABET.length)]
          : (byte) random.nextInt(256);
    }
    int[] first = new int[size / 2];
    int[] second = new int[size / 2];
    for (int k = 0; k < size / 2; k++) {
      first[k] = size - 1 - 2 * k;
      second[k] = 2 * k;
    }
    byte[] expected = soup.clone();
    long expectedOps = Bff.reference().runPairs(expected, first, second, 3, 100, Bff.MAX_STEPS);
    for (PairEngine engine : new PairEngine[] {new BffFast(), BffFast.scalar()}) {
      byte[] actual = soup.clone();
      assertThat(engine.runPairs(actual, first, second, 3, 100, Bff.MAX_STEPS))
          .isEqualTo(expectedOps);
      assertThat(actual).isEqualTo(expected);
    }
  }

  @Test
  void edgeCases() {
    assertSame(new byte[Bff.PAIR], Bff.MAX_STEPS, "all zero");
    byte[] loop = new byte[Bff.PAIR];
    loop[0] = '+';
    loop[1] = '[';
    loop[2] = ']';
    assertSame(loop, Bff.MAX_STEPS, "endless loop hits the limit");
    for (int limit = 0; limit < 12; limit++) {
      assertSame(loop, limit, "endless loop, limit " + limit);
    }
    byte[] unmatched = new byte[Bff.PAIR];
    unmatched[127] = ']';
    unmatched[0] = '+';
    assertSame(unmatched, Bff.MAX_STEPS, "unmatched ] at the end");
    unmatched[5] = '[';
    unmatched[0] = 0;
    assertSame(unmatched, Bff.MAX_STEPS, "[ over a zero jumps to 127");
  }

  @Test
  void evolvedSoupRunsTheSameEpochByEpoch() {
    // a small soup evolved by both engines with the same pairing and mutation; a replicator
    // -rich soup has long loops and heavy self-modification
    int size = 1 << 10;
    SplittableRandom init = new SplittableRandom(7);
    byte[] a = new byte[size * Bff.TAPE];
    init.nextBytes(a);
    byte[] b = a.clone();
    int[] order = new int[size];
    int[] first = new int[size / 2];
    int[] second = new int[size / 2];
    SplittableRandom random = new SplittableRandom(11);
    PairEngine reference = Bff.reference();
    PairEngine fast = new BffFast();
    assertThat(((BffFast) fast).vectorized()).isTrue();
    for (int epoch = 0; epoch < 3000; epoch++) {
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      for (int i = size - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int swap = order[i];
        order[i] = order[j];
        order[j] = swap;
      }
      for (int k = 0; k < size / 2; k++) {
        first[k] = order[2 * k];
        second[k] = order[2 * k + 1];
      }
      for (int m = 0; m < size / 16; m++) { // about 4x cubff's rate, to move faster
        int at = random.nextInt(a.length);
        byte value = (byte) random.nextInt(256);
        a[at] = value;
        b[at] = value;
      }
      long expected = reference.runPairs(a, first, second, 0, size / 2, Bff.MAX_STEPS);
      long actual = fast.runPairs(b, first, second, 0, size / 2, Bff.MAX_STEPS);
      assertThat(actual).as("ops of epoch %d", epoch).isEqualTo(expected);
      assertThat(Arrays.equals(a, b)).as("soup after epoch %d", epoch).isTrue();
    }
  }

  @Test
  void fastSoupBytesEqualCubffsAfterEveryRecordedEpoch() throws Exception {
    for (String[] g : Golden.lines("soup")) {
      int size = Integer.parseInt(g[0]);
      long epochs = Long.parseLong(g[2]);
      SoupOptions options = new SoupOptions(size, Long.parseLong(g[1]), 2, SoupOptions.DEFAULT_MUTATION, false);
      try (Soup soup = Soup.create(options, new BffFast())) {
        while (soup.epoch() < epochs) {
          soup.step();
        }
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(soup.bytes());
        assertThat(java.util.HexFormat.of().formatHex(digest))
            .as("size %d seed %s epoch %d", size, g[1], epochs).isEqualTo(g[3]);
      }
    }
  }

  @Test
  void fastRunsCubffsGoldenPrograms() {
    for (String[] g : Golden.lines("run")) {
      byte[] program = Golden.parse(g[1]);
      assertThat(BffFast.run(program, Bff.MAX_STEPS)).as(g[1]).isEqualTo(Long.parseLong(g[0]));
    }
  }

  @Test
  void soupsOfBothEnginesStayEqualForHundredsOfEpochs() throws Exception {
    // cubff's own epoch (pairing, mutation), 2 threads against 1
    SoupOptions options = new SoupOptions(1024, 9, 1, SoupOptions.DEFAULT_MUTATION * 4, false);
    try (Soup reference = Soup.create(options, Bff.reference());
        Soup fast = Soup.create(options.withThreads(2), new BffFast())) {
      for (int epoch = 0; epoch < 1500; epoch++) {
        assertThat(fast.step()).as("ops of epoch %d", epoch).isEqualTo(reference.step());
        if (epoch % 100 == 99) {
          assertThat(fast.bytes()).as("soup after epoch %d", epoch).isEqualTo(reference.bytes());
        }
      }
      assertThat(fast.bytes()).isEqualTo(reference.bytes());
    }
  }

  @Test
  void soupsTakenOverByAReplicatorStayEqual() throws Exception {
    // a replicator in one tape in eight: within a few dozen epochs most pairs copy for
    // hundreds to thousands of instructions, the regime of a soup after its transition
    SoupOptions options = new SoupOptions(1024, 12, 1, SoupOptions.DEFAULT_MUTATION, false);
    try (Soup reference = Soup.create(options, Bff.reference());
        Soup fast = Soup.create(options.withThreads(2), new BffFast())) {
      for (int t = 0; t < 1024; t += 8) {
        System.arraycopy(SoupMetricsTest.replicator(), 0, reference.bytes(), t * Bff.TAPE, Bff.TAPE);
        System.arraycopy(SoupMetricsTest.replicator(), 0, fast.bytes(), t * Bff.TAPE, Bff.TAPE);
      }
      long lastOps = 0;
      for (int epoch = 0; epoch < 200; epoch++) {
        lastOps = reference.step();
        assertThat(fast.step()).as("ops of epoch %d", epoch).isEqualTo(lastOps);
        assertThat(fast.bytes()).as("soup after epoch %d", epoch).isEqualTo(reference.bytes());
      }
      assertThat(lastOps / 512).as("ops per pair at the end").isGreaterThan(300);
    }
  }

  private static void assertSame(byte[] program, int maxSteps, String what) {
    byte[] expected = program.clone();
    byte[] actual = program.clone();
    long expectedOps = Bff.run(expected, maxSteps);
    long actualOps = BffFast.run(actual, maxSteps);
    assertThat(actualOps).as("ops of %s", what).isEqualTo(expectedOps);
    assertThat(actual).as("bytes of %s", what).isEqualTo(expected);
  }
}
