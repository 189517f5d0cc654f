package io.vivarium.memory;

import static io.vivarium.memory.Fixtures.axis;
import static io.vivarium.memory.Fixtures.bytes;
import static io.vivarium.memory.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expiry per kind and near-duplicate merging. */
class ExpiryAndMergeTest {
  @TempDir Path dir;

  @Test
  void entriesExpirePerKind() {
    Fixtures.ManualClock clock = new Fixtures.ManualClock(1_000_000_000L);
    try (LuceneMemory m = Fixtures.open(dir, 8,
        Fixtures.config(false, 50, 0, "output=1h,episode=2h"), clock)) {
      m.store(Entry.of("output", "a", 0, axis(8, 0, 0), bytes("out")));
      m.store(Entry.of("episode", "a", 0, axis(8, 0, 0.1f), bytes("ep")));
      m.store(Entry.fact("k", bytes("fact"), "a", 0, axis(8, 0, 0.2f)));
      m.refresh();
      assertThat(m.recall(axis(8, 0, 0), 10)).hasSize(3);
      clock.advance(90 * 60_000L);
      // Expired entries are never recalled, even before they are deleted.
      assertThat(m.recall(axis(8, 0, 0), 10)).extracting(h -> text(h.entry().payload()))
          .containsExactly("ep", "fact");
      assertThat(m.expire()).isEqualTo(1);
      clock.advance(60 * 60_000L);
      m.commit(); // expires too
      m.refresh();
      assertThat(m.recall(axis(8, 0, 0), 10)).extracting(h -> text(h.entry().payload()))
          .containsExactly("fact");
      assertThat(m.stats().entries()).isEqualTo(1);
      assertThat(m.stats().expired()).isEqualTo(2);
      assertThat(m.fact("k")).isPresent();
    }
  }

  @Test
  void nearDuplicatesMergeKeepingTheFitter() {
    try (LuceneMemory m = Fixtures.open(dir, 8, Fixtures.config(true, 50, 0, ""),
        new Fixtures.ManualClock(1000))) {
      long first = m.store(Entry.of("output", "a", 1, axis(8, 0, 0), bytes("first")));
      // Not yet visible to readers: the merge check also sees recent writes.
      long weaker = m.store(Entry.of("output", "b", 0, axis(8, 0, 0.01f), bytes("weaker")));
      assertThat(weaker).isEqualTo(first);
      m.refresh();
      long fitter = m.store(Entry.of("output", "c", 3, axis(8, 0, 0.02f), bytes("fitter")));
      assertThat(fitter).isNotEqualTo(first);
      // Other kinds and distant vectors never merge.
      long episode = m.store(Entry.of("episode", "d", 0, axis(8, 0, 0), bytes("episode")));
      long distant = m.store(Entry.of("output", "e", 0, axis(8, 0, 0.5f), bytes("distant")));
      m.refresh();
      assertThat(m.recall(axis(8, 0, 0), 10)).extracting(Hit::id)
          .containsExactlyInAnyOrder(fitter, episode, distant);
      assertThat(m.stats().merged()).isEqualTo(2);
      // A merge also holds after a refresh, against the visible twin.
      long again = m.store(Entry.of("output", "f", 2, axis(8, 0, 0.015f), bytes("again")));
      assertThat(again).isEqualTo(fitter);
    }
  }

  @Test
  void nearDuplicatesAreFoundInALargeIndex() {
    long seed = 21;
    float[][] data = Reference.random(3000, 32, seed);
    float[][] noise = Reference.random(100, 32, seed + 1);
    try (LuceneMemory m = Fixtures.open(dir, 32, Fixtures.config(true, 50, 0, ""),
        new Fixtures.ManualClock(1000))) {
      for (int i = 0; i < data.length; i++) {
        m.store(Entry.of("output", "a", 1, data[i], bytes("e" + i)));
      }
      m.commit();
      m.refresh();
      int merged = 0;
      for (int j = 0; j < noise.length; j++) {
        int i = j * 29;
        float[] v = data[i].clone();
        for (int c = 0; c < v.length; c++) {
          v[c] += 0.05f * noise[j][c]; // cosine with the original about 0.999
        }
        merged += m.store(Entry.of("output", "b", 0, v, bytes("copy"))) == i ? 1 : 0;
      }
      // The graph search behind merging is approximate; nearly all copies must merge.
      assertThat(merged).as("copies merged into their originals, seed " + seed)
          .isGreaterThanOrEqualTo(95);
      assertThat(m.stats().merged()).isEqualTo(merged);
    }
  }
}
