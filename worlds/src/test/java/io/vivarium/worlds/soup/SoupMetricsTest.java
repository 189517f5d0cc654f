package io.vivarium.worlds.soup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Metrics on soups whose values are known; the self-replicator test; the frequent tapes. */
class SoupMetricsTest {
  /** A hand-made replicator: walks head 1 to 63 ahead of head 0, then copies itself backwards. */
  static byte[] replicator() {
    return java.util.Arrays.copyOf(Golden.parse("[}}>]}.{<[.{<][" + "A".repeat(48) + "0"), 64);
  }

  @Test
  void allZeroSoupHasNoEntropyAndCompressesToAlmostNothing() {
    byte[] soup = new byte[1 << 16];
    SoupMetrics m = SoupMetrics.of(0, soup, Compressor.brotli(), 0, 0, 0);
    assertThat(m.entropy()).isZero();
    assertThat(m.compressedBytes()).isLessThan(100);
    assertThat(m.highOrderEntropy()).isCloseTo(0, offset(0.01));
  }

  @Test
  void uniformRandomSoupHasEightBitsAndNoHighOrderEntropy() {
    byte[] soup = new byte[1 << 20];
    new SplittableRandom(1).nextBytes(soup);
    for (Compressor c : List.of(Compressor.brotli(), Compressor.deflate())) {
      SoupMetrics m = SoupMetrics.of(0, soup, c, 0, 0, 0);
      assertThat(m.entropy()).isCloseTo(8, offset(0.001));
      assertThat(m.bitsPerByte()).as(c.name()).isCloseTo(8, offset(0.01));
      assertThat(m.highOrderEntropy()).as(c.name()).isCloseTo(0, offset(0.01));
    }
  }

  @Test
  void aSoupOfOneRepeatedTapeHasHighHighOrderEntropy() {
    byte[] tape = new byte[64];
    new SplittableRandom(2).nextBytes(tape);
    byte[] soup = new byte[64 * 4096];
    for (int i = 0; i < 4096; i++) {
      System.arraycopy(tape, 0, soup, i * 64, 64);
    }
    SoupMetrics m = SoupMetrics.of(5, soup, Compressor.best(), 1000, 10, 1_000_000_000L);
    assertThat(m.entropy()).isGreaterThan(5);
    assertThat(m.highOrderEntropy()).isGreaterThan(m.entropy() - 0.1);
    assertThat(m.opsPerPair()).isEqualTo(100);
    assertThat(m.opsPerSecond()).isEqualTo(1000);
  }

  @Test
  void theHandMadeReplicatorCopiesItselfAndIsFound() {
    byte[] program = new byte[128];
    System.arraycopy(replicator(), 0, program, 0, 64);
    Bff.run(program, Bff.MAX_STEPS);
    assertThat(java.util.Arrays.copyOfRange(program, 64, 128)).isEqualTo(replicator());
    assertThat(SelfRep.score(replicator(), 42)).isEqualTo(64);
    assertThat(SelfRep.isReplicator(replicator(), 43)).isTrue();
  }

  @Test
  void randomTapesAreNotReplicators() {
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 50; i++) {
      byte[] tape = new byte[64];
      r.nextBytes(tape);
      assertThat(SelfRep.isReplicator(tape, i)).isFalse();
    }
  }

  @Test
  void topTapesCountsDistinctTapes() {
    byte[] soup = new byte[64 * 10];
    new SplittableRandom(4).nextBytes(soup);
    byte[] rep = replicator();
    for (int i : new int[] {2, 5, 7}) {
      System.arraycopy(rep, 0, soup, i * 64, 64);
    }
    System.arraycopy(soup, 0, soup, 9 * 64, 64);
    List<TopTapes.Entry> top = TopTapes.of(soup, 3);
    assertThat(top).hasSize(3);
    assertThat(top.get(0).tape()).isEqualTo(rep);
    assertThat(top.get(0).count()).isEqualTo(3);
    assertThat(top.get(0).firstIndex()).isEqualTo(2);
    assertThat(top.get(0).text()).startsWith("[}}>]}.{<[.{<][·").endsWith("0");
    assertThat(top.get(1).count()).isEqualTo(2);
    assertThat(top.get(1).firstIndex()).isZero();
    assertThat(top.get(2).count()).isEqualTo(1);
  }

  @Test
  void aReplicatorDroppedIntoASoupTakesItOverAndIsSeen() throws Exception {
    try (Soup soup = Soup.create(new SoupOptions(1024, 8, 2, SoupOptions.DEFAULT_MUTATION, false), Bff.reference())) {
      SoupMetrics before = SoupMetrics.of(0, soup.bytes(), Compressor.best(), 0, 0, 0);
      System.arraycopy(replicator(), 0, soup.bytes(), 0, 64); // as cubff's --initial_program
      for (int e = 0; e < 40; e++) {
        soup.step();
      }
      SoupMetrics after = SoupMetrics.of(soup.epoch(), soup.bytes(), Compressor.best(), 0, 0, 0);
      List<TopTapes.Entry> top = TopTapes.of(soup.bytes(), 1);
      assertThat(top.get(0).tape()).isEqualTo(replicator());
      assertThat(top.get(0).count()).isGreaterThan(512);
      long seed = SelfRep.localSeed(new SoupRandom(8), soup.epoch(), 1024, top.get(0).firstIndex());
      assertThat(SelfRep.isReplicator(top.get(0).tape(), seed)).isTrue();
      assertThat(before.highOrderEntropy()).isLessThan(0.1);
      assertThat(after.highOrderEntropy()).isGreaterThan(1);
    }
  }
}
