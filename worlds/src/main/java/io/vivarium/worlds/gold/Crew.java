package io.vivarium.worlds.gold;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed crew of threads that runs one task over a range, again and again, without
 * allocating. The range is cut into chunks that threads claim from a shared ticket; the caller
 * claims too, so a round finishes at the caller's own speed when the other threads are not
 * scheduled (a busy shared machine) and no thread ever waits for one that has not started.
 * Idle workers spin briefly between rounds (rounds come every few tens of microseconds in a
 * busy batch), then park.
 *
 * <p>Which thread runs a chunk varies from run to run, so tasks must not depend on it beyond
 * using per-worker scratch memory. One caller thread at a time; {@link #close()} may come from
 * any thread.
 */
final class Crew implements AutoCloseable {
  /** The work of chunk {@code [lo, hi)} done by worker {@code worker} (0 is the caller). */
  interface Task {
    void run(int worker, int lo, int hi);
  }

  /** Spins before parking: a few tens of microseconds. */
  private static final int SPINS = 1 << 12;

  private final Task task;
  private final int size;
  private final int chunk;
  private final int chunks;
  private final Thread[] workers;
  private final AtomicLong ticket = new AtomicLong(); // round << 32 | next chunk
  private final AtomicInteger finished = new AtomicInteger();
  private volatile int round;
  private volatile boolean closed;
  private volatile Thread caller;
  private volatile Throwable failure;

  Crew(String name, int threads, int size, Task task) {
    this.task = task;
    this.size = size;
    int t = Math.max(1, Math.min(threads, size));
    chunk = Math.max(16, size / (t * 8));
    chunks = (size + chunk - 1) / chunk;
    workers = new Thread[t - 1];
    for (int w = 1; w < t; w++) {
      int id = w;
      Thread th = new Thread(() -> work(id), name + "-" + w);
      th.setDaemon(true);
      workers[w - 1] = th;
      th.start();
    }
  }

  /** Threads working, the caller included. */
  int threads() {
    return workers.length + 1;
  }

  /** Runs the task over the whole range and returns when every chunk is done. */
  void run() {
    if (workers.length == 0) {
      task.run(0, 0, size);
      return;
    }
    if (closed) {
      throw new IllegalStateException("the batch is closed; create a new one");
    }
    caller = Thread.currentThread();
    int r = round + 1;
    finished.set(0);
    ticket.set((long) r << 32);
    round = r; // publishes the caller's writes to the workers
    for (Thread w : workers) {
      LockSupport.unpark(w);
    }
    drain(0, r);
    int spins = 0;
    while (finished.get() != chunks) {
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

  /** Claims and runs chunks of round {@code r} until none is left. */
  private void drain(int worker, int r) {
    while (true) {
      long t = ticket.get();
      int c = (int) t;
      if ((int) (t >>> 32) != r || c >= chunks) {
        return;
      }
      if (!ticket.compareAndSet(t, t + 1)) {
        continue;
      }
      try {
        task.run(worker, c * chunk, Math.min(size, (c + 1) * chunk));
      } catch (Throwable e) {
        failure = e;
      }
      if (finished.incrementAndGet() == chunks && worker != 0) {
        LockSupport.unpark(caller);
      }
    }
  }

  private void work(int id) {
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
      drain(id, seen);
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
