package io.vivarium.worlds.exec;

import java.util.HashMap;
import java.util.Map;

/**
 * Executor pools shared by every exec batch of this process with the same limits and worker
 * count, so that a colony's agents together keep exactly its {@code world.exec.workers} sandbox
 * processes busy. A pool starts with its first lease and closes with its last. Thread-safe.
 */
final class SharedPools {
  private record Key(ExecLimits limits, int workers) {}

  private static final class Shared {
    final ExecutorPool pool;
    int leases;

    Shared(ExecutorPool pool) {
      this.pool = pool;
    }
  }

  private static final Map<Key, Shared> POOLS = new HashMap<>();

  private SharedPools() {}

  /** A lease on the shared pool of {@code limits} and {@code workers}; close it when done. */
  static synchronized Lease lease(ExecLimits limits, int workers) {
    Key key = new Key(limits, workers);
    Shared s = POOLS.get(key);
    if (s == null) {
      s = new Shared(new ExecutorPool(limits, workers));
      POOLS.put(key, s);
    }
    s.leases++;
    return new Lease(key, s.pool);
  }

  private static synchronized void release(Key key) {
    Shared s = POOLS.get(key);
    if (s != null && --s.leases == 0) {
      POOLS.remove(key);
      s.pool.close();
    }
  }

  /** One holder's use of a shared pool; closing it twice releases once. */
  static final class Lease implements AutoCloseable {
    private final Key key;
    private final ExecutorPool pool;
    private boolean closed;

    private Lease(Key key, ExecutorPool pool) {
      this.key = key;
      this.pool = pool;
    }

    ExecutorPool pool() {
      return pool;
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        release(key);
      }
    }
  }
}
