package io.vivarium.worlds.gold;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed crew of threads that runs one task over slices of a range, again and again, without
 * allocating: the caller works the first slice itself, the others wake by
 * {@link LockSupport#unpark}, spin briefly between rounds (rounds come every few tens of
 * microseconds in a busy batch) and park when idle.
 *
 * <p>One caller thread at a time; {@link #close()} may come from any thread.
 */
final class Crew implements AutoCloseable {
  /** The work of one slice {@code [lo, hi)} done by worker {@code worker}. */
  interface Task {
    void run(int worker, int lo, int hi);
  }

  /** Spins before parking: a few tens of microseconds. */
  private static final int SPINS = 1 << 12;

  private final Task task;
  private final int[] bounds; // (threads + 1) slice edges
  private final Thread[] workers; // slices 1.. ; slice 0 is the caller's
  private final AtomicInteger pending = new AtomicInteger();
  private volatile int round;
  private volatile boolean closed;
  private volatile Thread caller;
  private volatile Throwable failure;

  Crew(String name, int threads, int size, Task task) {
    this.task = task;
    int t = Math.max(1, Math.min(threads, size));
    bounds = new int[t + 1];
    for (int w = 0; w <= t; w++) {
      bounds[w] = (int) ((long) size * w / t);
    }
    workers = new Thread[t - 1];
    for (int w = 1; w < t; w++) {
      int slice = w;
      Thread th = new Thread(() -> work(slice), name + "-" + w);
      th.setDaemon(true);
      workers[w - 1] = th;
      th.start();
    }
  }

  /** Threads working, the caller included. */
  int threads() {
    return bounds.length - 1;
  }

  /** Runs the task over every slice and returns when all are done. */
  void run() {
    if (workers.length == 0) {
      task.run(0, bounds[0], bounds[1]);
      return;
    }
    if (closed) {
      throw new IllegalStateException("the batch is closed; create a new one");
    }
    caller = Thread.currentThread();
    pending.set(workers.length);
    round++; // publishes the caller's writes to the workers
    for (Thread w : workers) {
      LockSupport.unpark(w);
    }
    task.run(0, bounds[0], bounds[1]);
    int spins = 0;
    while (pending.get() != 0) {
      if (++spins < SPINS) {
        Thread.onSpinWait();
      } else {
        LockSupport.park(this);
      }
    }
    Throwable t = failure;
    if (t != null) {
      failure = null;
      throw new IllegalStateException("a batch worker failed: " + t, t);
    }
  }

  private void work(int slice) {
    int seen = 0;
    while (true) {
      int spins = 0;
      while (round == seen && !closed) {
        if (++spins < SPINS) {
          Thread.onSpinWait();
        } else {
          LockSupport.park(this);
        }
      }
      if (closed) {
        return;
      }
      seen = round;
      try {
        task.run(slice, bounds[slice], bounds[slice + 1]);
      } catch (Throwable t) {
        failure = t;
      }
      if (pending.decrementAndGet() == 0) {
        LockSupport.unpark(caller);
      }
    }
  }

  /** Stops the workers. Idempotent. */
  @Override
  public void close() {
    closed = true;
    for (Thread w : workers) {
      LockSupport.unpark(w);
    }
  }
}
