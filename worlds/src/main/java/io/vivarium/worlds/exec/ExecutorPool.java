package io.vivarium.worlds.exec;

import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fixed set of sandbox executors, one process per worker, each running its programs as its
 * own unprivileged host uid. {@link #run} may be called from many threads; each call takes a
 * free executor, so at most {@link #workers()} programs run at once. Thread-safe.
 *
 * <p>Run uids: {@code UID_BASE + (pid mod 4096) * 256 + slot}, where slot is unique among the
 * live executors of this JVM, so that concurrent JVMs rarely share a uid (and thus a process
 * limit) and no uid belongs to a real account.
 */
public final class ExecutorPool implements AutoCloseable {
  /** First uid of the sandbox range; far above any real account's uid. */
  public static final int UID_BASE = 1_000_000_000;
  private static final int SLOTS = 256;
  private static final BitSet USED = new BitSet(SLOTS);

  private final ExecLimits limits;
  private final BlockingQueue<Executor> idle;
  private final List<Executor> all = new CopyOnWriteArrayList<>();
  private final int[] uids;
  private final AtomicBoolean closed = new AtomicBoolean();
  private java.util.concurrent.ExecutorService runners; // made by the first runAll

  /** Starts {@code workers} executors with {@code limits}; fails if the sandbox cannot be built. */
  public ExecutorPool(ExecLimits limits, int workers) {
    if (workers < 1 || workers > 64) {
      throw new IllegalArgumentException("exec workers must be between 1 and 64; got " + workers);
    }
    this.limits = limits;
    this.idle = new ArrayBlockingQueue<>(workers);
    this.uids = new int[workers];
    try {
      for (int i = 0; i < workers; i++) {
        uids[i] = allocateUid();
        Executor e = new Executor(limits, uids[i]);
        all.add(e);
        idle.add(e);
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The first uid this JVM's sandboxes may use. */
  public static int firstUid() {
    return UID_BASE + (int) (ProcessHandle.current().pid() % 4096) * SLOTS;
  }

  /** Whether {@code uid} is in this JVM's sandbox range. */
  public static boolean isSandboxUid(long uid) {
    return uid >= firstUid() && uid < firstUid() + SLOTS;
  }

  /** Why the sandbox cannot run here, or {@code null} when it can (starts one executor). */
  public static String unavailableReason() {
    try (ExecutorPool p = new ExecutorPool(ExecLimits.machine(), 1)) {
      return null;
    } catch (RuntimeException e) {
      return e.getMessage();
    }
  }

  /** The limits every run gets. */
  public ExecLimits limits() {
    return limits;
  }

  /** Number of executor processes. */
  public int workers() {
    return uids.length;
  }

  /** The operating-system ids of the executor processes (for leak checks). */
  public List<Long> pids() {
    return all.stream().map(Executor::pid).toList();
  }

  /** Runs {@code program} in a free executor, waiting for one if all are busy. */
  public ExecOutcome run(byte[] program) {
    if (closed.get()) {
      throw new IllegalStateException("exec pool is closed; create a new one to run programs");
    }
    Executor e;
    try {
      e = idle.take();
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an exec sandbox", ie);
    }
    try {
      return e.run(program);
    } catch (IllegalStateException | java.io.UncheckedIOException broken) {
      e = replace(e); // an executor that died (killed from outside) is not handed out again
      throw broken;
    } finally {
      idle.add(e);
    }
  }

  /**
   * Runs every program of {@code programs}, up to {@link #workers()} at once, and returns their
   * outcomes in order; a program whose executor died is an {@link IllegalStateException} after
   * the others finished.
   */
  public ExecOutcome[] runAll(byte[][] programs) {
    ExecOutcome[] out = new ExecOutcome[programs.length];
    if (programs.length == 0) {
      return out;
    }
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    RuntimeException[] failed = new RuntimeException[1];
    Runnable drain = () -> {
      for (int i = next.getAndIncrement(); i < programs.length; i = next.getAndIncrement()) {
        try {
          out[i] = run(programs[i]);
        } catch (RuntimeException e) {
          synchronized (failed) {
            failed[0] = failed[0] == null ? e : failed[0];
          }
        }
      }
    };
    int helpers = Math.min(workers(), programs.length) - 1;
    java.util.List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>(helpers);
    for (int h = 0; h < helpers; h++) {
      running.add(runners().submit(drain));
    }
    drain.run(); // the caller's thread is one of the runners
    for (java.util.concurrent.Future<?> f : running) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while exec programs ran", e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("an exec runner failed: " + e.getCause(), e.getCause());
      }
    }
    if (failed[0] != null) {
      throw failed[0];
    }
    return out;
  }

  private synchronized java.util.concurrent.ExecutorService runners() {
    if (runners == null) {
      runners = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, workers() - 1), r -> {
        Thread t = new Thread(r, "exec-runner");
        t.setDaemon(true);
        return t;
      });
    }
    return runners;
  }

  /** Starts a new executor on the uid of {@code dead}; keeps the dead one if that fails. */
  private synchronized Executor replace(Executor dead) {
    dead.close();
    int slot = all.indexOf(dead);
    if (closed.get() || slot < 0) {
      return dead;
    }
    try {
      Executor fresh = new Executor(limits, uids[slot]);
      all.set(slot, fresh);
      return fresh;
    } catch (RuntimeException startFailed) {
      return dead;
    }
  }

  /** Ends every executor (each ends its running program) and frees their uids. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    synchronized (this) {
      if (runners != null) {
        runners.shutdownNow();
      }
    }
    for (Executor e : all) {
      e.close();
    }
    synchronized (USED) {
      for (int uid : uids) {
        if (uid != 0) {
          USED.clear(uid - firstUid());
        }
      }
    }
  }

  /**
   * Takes a free run uid of this JVM's sandbox range for a sandbox outside a pool (a terminal);
   * give it back with {@link #releaseUid}.
   */
  public static int takeUid() {
    return allocateUid();
  }

  /** Gives back a uid from {@link #takeUid}. */
  public static void releaseUid(int uid) {
    synchronized (USED) {
      USED.clear(uid - firstUid());
    }
  }

  private static int allocateUid() {
    synchronized (USED) {
      int slot = USED.nextClearBit(0);
      if (slot >= SLOTS) {
        throw new IllegalStateException("more than " + SLOTS
            + " exec sandboxes are open in this JVM; close pools you no longer use");
      }
      USED.set(slot);
      return firstUid() + slot;
    }
  }
}
