package io.vivarium.memory;

import java.nio.file.Path;
import java.time.Clock;

/** The memory contract on the Lucene memory: fitness weighted, no expiry, no merging. */
class LuceneMemoryContractTest extends MemoryContract {
  @Override
  protected Memory open(Path dir, int dimension) {
    return Fixtures.open(dir, dimension, Fixtures.config(false, 100, 0.5, ""), Clock.systemUTC());
  }
}
