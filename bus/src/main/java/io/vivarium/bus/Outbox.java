package io.vivarium.bus;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A bounded queue of messages waiting to be sent, drained by one sender thread that keeps at
 * most {@code window} messages in flight. {@link #offer} never blocks: when the queue is full
 * the oldest message is dropped and counted. This is what keeps a slow or absent broker from
 * ever stalling the colony.
 *
 * <p>Thread-safe.
 */
final class Outbox implements AutoCloseable {
  /** One message: MQTT topic, payload, QoS 0 or 1. */
  record Message(String topic, byte[] payload, int qos) {}

  private final ArrayDeque<Message> queue = new ArrayDeque<>();
  private final int capacity;
  private final int window;
  private final Semaphore inFlight;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Function<Message, CompletableFuture<?>> send;
  private final Thread sender;
  private final LongAdder dropped = new LongAdder();
  private final LongAdder sent = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private volatile boolean closed;

  Outbox(String name, int capacity, int window, Function<Message, CompletableFuture<?>> send) {
    this.capacity = capacity;
    this.window = window;
    this.inFlight = new Semaphore(window);
    this.send = send;
    this.sender = Thread.ofPlatform().daemon().name(name).unstarted(this::run);
    sender.start();
  }

  /** Queues {@code m}, dropping the oldest waiting message if the queue is full. */
  void offer(Message m) {
    lock.lock();
    try {
      if (closed) {
        dropped.increment();
        return;
      }
      if (queue.size() >= capacity) {
        queue.pollFirst();
        dropped.increment();
      }
      queue.addLast(m);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits up to {@code millis} until nothing is queued or in flight; true if so. */
  boolean flush(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (true) {
      lock.lock();
      try {
        if (queue.isEmpty() && inFlight.availablePermits() == window) {
          return true;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        changed.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(10)), TimeUnit.NANOSECONDS);
      } finally {
        lock.unlock();
      }
    }
  }

  long dropped() {
    return dropped.sum();
  }

  long sent() {
    return sent.sum();
  }

  long failures() {
    return failures.sum();
  }

  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      dropped.add(queue.size());
      queue.clear();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    sender.interrupt();
    try {
      sender.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try {
      while (!closed) {
        Message m = take();
        if (m == null) {
          return;
        }
        inFlight.acquire();
        CompletableFuture<?> f;
        try {
          f = send.apply(m);
        } catch (RuntimeException e) {
          f = CompletableFuture.failedFuture(e);
        }
        sent.increment();
        f.whenComplete((r, e) -> {
          if (e != null) {
            failures.increment();
          }
          inFlight.release();
          signal();
        });
      }
    } catch (InterruptedException e) {
      // closing
    }
  }

  private Message take() throws InterruptedException {
    lock.lock();
    try {
      while (queue.isEmpty() && !closed) {
        changed.await();
      }
      Message m = queue.pollFirst();
      changed.signalAll();
      return m;
    } finally {
      lock.unlock();
    }
  }

  private void signal() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
