package io.vivarium.brain;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises backward passes across the whole process. DJL's PyTorch gradient collector is
 * process-wide: a second collector opened while one is collecting fails, so two brains cannot
 * run a backward pass at the same instant in one JVM. Every learner opens its gradient
 * collector only inside {@link #run}. Inference needs no lock and may run alongside.
 *
 * <p>Thread-safe; fair, so trainers take turns.
 */
public final class TrainingLock {
  private static final ReentrantLock LOCK = new ReentrantLock(true);

  private TrainingLock() {}

  /** Runs {@code work} (forward and backward) while holding the process-wide training lock. */
  public static <T> T run(Supplier<T> work) {
    LOCK.lock();
    try {
      return work.get();
    } finally {
      LOCK.unlock();
    }
  }

  /** Whether the calling thread holds the lock. */
  public static boolean heldByCurrentThread() {
    return LOCK.isHeldByCurrentThread();
  }
}
