package io.vivarium.memory;

import static io.vivarium.memory.Fixtures.axis;
import static io.vivarium.memory.Fixtures.bytes;
import static io.vivarium.memory.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fitness re-ranking and the consensus vote. */
class RankingTest {
  @TempDir Path dir;

  @Test
  void fitnessReweightsSimilarity() {
    float[] q = axis(8, 0, 0);
    for (double weight : new double[] {0, 1}) {
      Path d = dir.resolve("w" + weight);
      try (LuceneMemory m = Fixtures.open(d, 8, Fixtures.config(false, 50, weight, ""),
          Clock.systemUTC())) {
        long close = m.store(Entry.of("output", "weak", -4, axis(8, 0, 0.1f), bytes("close")));
        long far = m.store(Entry.of("output", "strong", 4, axis(8, 0, 0.4f), bytes("far")));
        m.refresh();
        List<Hit> hits = m.recall(q, 2);
        assertThat(hits).extracting(Hit::id)
            .containsExactly(weight == 0 ? new Long[] {close, far} : new Long[] {far, close});
        for (Hit h : hits) {
          assertThat(h.score()).isCloseTo(
              h.similarity() + weight * Math.tanh(h.fitness() / 2), within(1e-9));
        }
      }
    }
  }

  @Test
  void consensusIsTheFitnessWeightedVote() {
    try (LuceneMemory m = Fixtures.open(dir, 8, Fixtures.plain(), Clock.systemUTC())) {
      // Three weak agents say "no", two fit agents say "yes", all about equally similar.
      for (int i = 0; i < 3; i++) {
        m.store(Entry.of("output", "weak" + i, -3, axis(8, 0, 0.01f * i), bytes("no")));
      }
      for (int i = 0; i < 2; i++) {
        m.store(Entry.of("output", "fit" + i, 5, axis(8, 0, 0.02f + 0.01f * i), bytes("yes")));
      }
      m.store(Entry.of("output", "elsewhere", 9, axis(8, 4, 0), bytes("unrelated")));
      m.refresh();
      Consensus c = m.consensus(axis(8, 0, 0), 5, Filter.ANY).orElseThrow();
      assertThat(text(c.payload())).isEqualTo("yes");
      assertThat(c.votes()).hasSize(2);
      assertThat(c.votes().get(0).hits()).isEqualTo(2);
      assertThat(c.votes().get(0).agents()).containsExactlyInAnyOrder("fit0", "fit1");
      assertThat(c.votes().get(1).hits()).isEqualTo(3);
      assertThat(c.share()).isGreaterThan(0.5).isLessThanOrEqualTo(1);
      assertThat(m.consensus(axis(8, 0, 0), 5, Filter.agent("nobody"))).isEmpty();
    }
  }
}
