package io.vivarium.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many writers and readers at once, with merging on and background commits. */
class ConcurrencyTest {
  private static final long SEED = 11;
  @TempDir Path dir;

  @Test
  void writersAndReadersRunTogether() throws Exception {
    int writers = 4;
    int perWriter = 500;
    float[][] data = Reference.random(writers * perWriter, 24, SEED);
    var d = Fixtures.config(true, 50, 0.1, "");
    var config = new io.vivarium.core.config.MemoryConfig(true, 4, 32, 0.1, 50, 16, 100, 200, 1,
        10, "", true, d.dedupThreshold(), 16);
    ExecutorService pool = Executors.newFixedThreadPool(writers + 4);
    try (LuceneMemory m = Fixtures.open(dir, 24, config, Clock.systemUTC())) {
      AtomicBoolean writing = new AtomicBoolean(true);
      AtomicLong recalls = new AtomicLong();
      List<Future<?>> work = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int from = w * perWriter;
        work.add(pool.submit(() -> {
          for (int i = from; i < from + perWriter; i++) {
            m.store(Entry.of("output", "w" + from, i % 7, data[i], Fixtures.bytes("e" + i)));
          }
          return null;
        }));
      }
      List<Future<?>> readers = new ArrayList<>();
      for (int r = 0; r < 4; r++) {
        int seed = r;
        readers.add(pool.submit(() -> {
          int i = seed;
          while (writing.get()) {
            List<Hit> hits = m.recall(data[i % data.length], 5);
            assertThat(hits.size()).isLessThanOrEqualTo(5);
            recalls.incrementAndGet();
            i += 13;
          }
          return null;
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
      writing.set(false);
      for (Future<?> f : readers) {
        f.get();
      }
      m.refresh();
      // Random 24-d vectors are never near-duplicates: every entry is there and recallable.
      assertThat(m.stats().entries()).isEqualTo(data.length);
      assertThat(m.stats().merged()).isZero();
      for (int i = 0; i < data.length; i += 97) {
        assertThat(Fixtures.text(m.recall(data[i], 1).get(0).entry().payload()))
            .isEqualTo("e" + i);
      }
      assertThat(recalls.get()).isPositive();
    } finally {
      pool.shutdownNow();
    }
  }
}
