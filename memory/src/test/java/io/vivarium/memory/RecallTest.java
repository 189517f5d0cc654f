package io.vivarium.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HNSW recall against exact brute force, and filters. */
class RecallTest {
  private static final long SEED = 7;
  @TempDir Path dir;

  @Test
  void recallMatchesBruteForceOnRandomData() {
    float[][] data = Reference.random(4000, 32, SEED);
    float[][] queries = Reference.random(200, 32, SEED + 1);
    assertThat(recallAt10(data, queries)).as("recall@10, seed " + SEED).isGreaterThan(0.95);
  }

  @Test
  void recallMatchesBruteForceOnClusteredData() {
    float[][] data = Reference.clustered(4000, 32, 20, 1.0, SEED, SEED + 1);
    float[][] queries = Reference.clustered(200, 32, 20, 1.0, SEED, SEED + 2);
    assertThat(recallAt10(data, queries)).as("recall@10, seed " + SEED).isGreaterThan(0.95);
  }

  @Test
  void recallOverSeveralSegmentsMatchesBruteForce() {
    float[][] data = Reference.clustered(4000, 32, 20, 1.0, SEED, SEED + 3);
    float[][] queries = Reference.clustered(200, 32, 20, 1.0, SEED, SEED + 4);
    assertThat(recallAt10(data, queries, 500)).as("recall@10, seed " + SEED).isGreaterThan(0.95);
  }

  @Test
  void segmentsGetTheirShareOfTheCandidates() {
    assertThat(SplitKnnQuery.perSegment(100, 1.0, 20, 2)).isEqualTo(100);
    assertThat(SplitKnnQuery.perSegment(100, 0.25, 20, 2)).isEqualTo(34); // 25 + 2 * 4.33
    assertThat(SplitKnnQuery.perSegment(100, 0.001, 20, 2)).isEqualTo(20);
    assertThat(SplitKnnQuery.perSegment(10, 0.001, 20, 2)).isEqualTo(10);
  }

  private double recallAt10(float[][] data, float[][] queries) {
    return recallAt10(data, queries, 0);
  }

  /** Stores data (refreshing every {@code refreshEvery} entries when positive, so that the
   * index has several segments), then recalls each query and compares with brute force. */
  private double recallAt10(float[][] data, float[][] queries, int refreshEvery) {
    // Background merges would make the segment count a race; several segments are the point.
    try (LuceneMemory m = refreshEvery > 0
        ? Fixtures.openUnmerged(dir, data[0].length, Fixtures.plain(), Clock.systemUTC())
        : Fixtures.open(dir, data[0].length, Fixtures.plain(), Clock.systemUTC())) {
      long[] ids = new long[data.length];
      for (int i = 0; i < data.length; i++) {
        ids[i] = m.store(Entry.of("output", "a", 0, data[i], Fixtures.bytes("e" + i)));
        assertThat(ids[i]).isEqualTo(i);
        if (refreshEvery > 0 && (i + 1) % refreshEvery == 0) {
          m.refresh();
        }
      }
      m.refresh();
      if (refreshEvery > 0) {
        assertThat(m.stats().segments()).as("segments").isGreaterThan(1);
      }
      double sum = 0;
      for (float[] q : queries) {
        List<Hit> hits = m.recall(q, 10);
        assertThat(hits).hasSize(10);
        assertThat(hits).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        long[] found = hits.stream().mapToLong(Hit::id).toArray();
        int[] exact = Reference.nearest(data, q, 10);
        sum += Reference.recall(exact, found);
        Hit best = hits.get(0);
        assertThat(best.similarity()).isCloseTo(Vectors.dot(data[(int) best.id()], q),
            org.assertj.core.data.Offset.offset(1e-4));
      }
      return sum / queries.length;
    }
  }

  @Test
  void filtersSelectByAgentKindAndFitness() {
    float[][] data = Reference.random(600, 16, SEED);
    try (LuceneMemory m = Fixtures.open(dir, 16, Fixtures.plain(), Clock.systemUTC())) {
      for (int i = 0; i < data.length; i++) {
        String kind = i % 3 == 0 ? "episode" : "output";
        m.store(Entry.of(kind, "a" + (i % 4), i % 10, data[i], Fixtures.bytes("e" + i)));
      }
      m.refresh();
      float[] q = data[5];
      Filter f = Filter.kind("episode").withAgent("a2").withMinFitness(5);
      List<Hit> hits = m.recall(q, 10, f);
      assertThat(hits).isNotEmpty().allSatisfy(h -> {
        assertThat(h.entry().kind()).isEqualTo("episode");
        assertThat(h.entry().agent()).isEqualTo("a2");
        assertThat(h.fitness()).isGreaterThanOrEqualTo(5);
      });
      // i ≡ 0 (mod 3), ≡ 2 (mod 4), i mod 10 ≥ 5: the filtered set is small, so it is exact.
      long expected = java.util.stream.IntStream.range(0, data.length)
          .filter(i -> i % 3 == 0 && i % 4 == 2 && i % 10 >= 5).count();
      assertThat(hits).hasSize((int) Math.min(10, expected));
      assertThat(m.recall(q, 5, Filter.agent("nobody"))).isEmpty();
      assertThat(m.recall(q, 0)).isEmpty();
    }
  }

  @Test
  void freshEntriesAreRecalledAfterRefresh() {
    try (LuceneMemory m = Fixtures.open(dir, 8, Fixtures.plain(), Clock.systemUTC())) {
      long id = m.store(Entry.of("output", "a", 1, Fixtures.axis(8, 3, 0), Fixtures.bytes("x")));
      m.refresh();
      assertThat(m.recall(Fixtures.axis(8, 3, 0), 1).get(0).id()).isEqualTo(id);
      m.store(Entry.of("output", "a", 1, Fixtures.axis(8, 5, 0), Fixtures.bytes("y")));
      m.commit();
      m.store(Entry.of("output", "a", 1, Fixtures.axis(8, 6, 0), Fixtures.bytes("z")));
      m.compact(1);
      assertThat(m.stats().segments()).isEqualTo(1);
      assertThat(m.stats().entries()).isEqualTo(3);
      assertThat(m.recall(Fixtures.axis(8, 3, 0), 1).get(0).id()).isEqualTo(id);
    }
  }

  @Test
  void awaitingMergesLeavesEverythingRecallableAndCommitted() {
    long[] ids = new long[12];
    try (LuceneMemory m = Fixtures.open(dir, 8, Fixtures.plain(), Clock.systemUTC())) {
      for (int i = 0; i < ids.length; i++) {
        ids[i] = m.store(Entry.of("output", "a", 1, Fixtures.axis(8, i % 8, i / 8), Fixtures.bytes("e" + i)));
        m.refresh(); // one small segment per store, as near-real-time readers make
      }
      int before = m.stats().segments();
      m.awaitMerges();
      assertThat(m.stats().segments()).isLessThanOrEqualTo(before);
      assertThat(m.stats().entries()).isEqualTo(ids.length);
      assertThat(m.recall(Fixtures.axis(8, 3, 0), 1).get(0).id()).isEqualTo(ids[3]);
    }
    try (LuceneMemory m = Fixtures.open(dir, 8, Fixtures.plain(), Clock.systemUTC())) {
      assertThat(m.stats().entries()).as("awaitMerges commits").isEqualTo(ids.length);
    }
  }
}
