package io.vivarium.memory;

import io.vivarium.core.config.MemoryConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** Shared test helpers: configurations, a settable clock and small vectors. */
final class Fixtures {
  private Fixtures() {}

  /** The defaults with the given merging, over-fetch, fitness weight and expiry; 16 MB buffer. */
  static MemoryConfig config(boolean dedup, int overFetch, double fitnessWeight, String ttl) {
    MemoryConfig d = MemoryConfig.defaults();
    return new MemoryConfig(true, d.k(), d.contextBytes(), fitnessWeight, overFetch, d.maxConn(), d.beamWidth(),
        d.commitEvery(), d.commitSeconds(), d.refreshMillis(), ttl, dedup, d.dedupThreshold(),
        16);
  }

  static MemoryConfig plain() {
    return config(false, 100, 0, "");
  }

  static LuceneMemory open(Path dir, int dim, MemoryConfig c, Clock clock) {
    return MemoryIndex.open(dir, dim, c, clock);
  }

  /** A memory that never merges segments, so a test can count on the segments it made. */
  static LuceneMemory openUnmerged(Path dir, int dim, MemoryConfig c, Clock clock) {
    return MemoryIndex.open(dir, dim, c, clock, org.apache.lucene.index.NoMergePolicy.INSTANCE);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  /** A unit basis vector e_i of dimension {@code dim}, tilted slightly towards e_{i+1}. */
  static float[] axis(int dim, int i, float tilt) {
    float[] v = new float[dim];
    v[i % dim] = 1;
    v[(i + 1) % dim] = tilt;
    return v;
  }

  /** A clock tests move by hand. Thread-safe. */
  static final class ManualClock extends Clock {
    private final AtomicLong millis;

    ManualClock(long startMillis) {
      millis = new AtomicLong(startMillis);
    }

    void advance(long ms) {
      millis.addAndGet(ms);
    }

    @Override
    public long millis() {
      return millis.get();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
