package io.vivarium.memory;

import io.vivarium.core.config.MemoryConfig;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The child JVM of {@link CrashRecoveryTest}: stores entries forever, committing every 100
 * (and in the background every 20 writes), printing {@code committed N} after each explicit
 * commit, until it is killed.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    MemoryConfig config = new MemoryConfig(true, 4, 32, 0, 50, 16, 100, 20, 1, 20, "", false, 0.98,
        16);
    LuceneMemory m = MemoryIndex.open(dir, 16, config, Clock.systemUTC());
    float[][] data = Reference.random(100_000, 16, 5);
    for (int i = 0; ; i++) {
      m.store(Entry.of("output", "child", 0, data[i % data.length], Fixtures.bytes("e" + i)));
      if ((i + 1) % 100 == 0) {
        m.commit();
        System.out.println("committed " + (i + 1));
        System.out.flush();
      }
    }
  }
}
