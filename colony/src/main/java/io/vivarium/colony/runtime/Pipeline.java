package io.vivarium.colony.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One round of turns. With {@code colony.learners} above 1, waves of that many agents take their
 * turns at once, each acting and updating on a learner thread of its own (gradients are recorded
 * per thread), and are recorded on the colony's thread when the wave is done. With 1, the next
 * agent acts while the current one learns ({@code colony.overlap}): acting (sampling under the brain's read lock, the worlds' steps, the sandbox's
 * runs) goes to a second thread, learning and everything that writes the colony's records stay
 * on the colony's thread, so the two cores both work. Births, deaths and people's requests are
 * applied only when no act is in flight. Without overlap every turn is whole, one after another.
 *
 * <p>Driven by the colony's thread; {@link #close} ends the acting thread.
 */
final class Pipeline implements AutoCloseable {
  private final Colony colony;
  private final Turn turn;
  private final Runnable betweenTurns;
  private ExecutorService actor; // made at the first overlapped turn
  private ExecutorService learners; // made at the first wave of turns together

  Pipeline(Colony colony, Turn turn, Runnable betweenTurns) {
    this.colony = colony;
    this.turn = turn;
    this.betweenTurns = betweenTurns;
  }

  /** Takes the turns of {@code order}'s agents still alive, until the colony stops or {@code deadline} passes. */
  void round(List<LiveAgent> order, long deadline) {
    int learners = learners();
    if (learners > 1) {
      together(order, deadline, learners);
    } else {
      oneByOne(order, deadline);
    }
  }

  /** {@code colony.learners}, with 0 resolved to the machine's processors. */
  int learners() {
    int n = colony.config.colony().learners();
    return n > 0 ? n : Runtime.getRuntime().availableProcessors();
  }

  /**
   * Turns of up to {@code n} agents at once: each agent acts and updates on a learner thread of its
   * own; when the whole wave is done (nothing in flight), each is recorded in order on the colony's
   * thread, followed by births, deaths and people's requests. An agent that died in the wave's
   * records (culled by another's child) is not recorded.
   */
  private void together(List<LiveAgent> order, long deadline, int n) {
    int i = 0;
    while (i < order.size()) {
      if (colony.stopping() || System.nanoTime() >= deadline) {
        return;
      }
      List<LiveAgent> wave = new ArrayList<>(n);
      List<Future<Turn.Acted>> work = new ArrayList<>(n);
      while (i < order.size() && wave.size() < n) {
        LiveAgent a = order.get(i++);
        if (colony.agents.contains(a)) {
          wave.add(a);
          work.add(pool(n).submit(() -> {
            Turn.Acted x = turn.act(a);
            turn.update(a, x);
            return x;
          }));
        }
      }
      work.forEach(Pipeline::settle);
      for (int k = 0; k < wave.size(); k++) {
        recordOne(wave.get(k), work.get(k));
      }
    }
  }

  /** Records agent {@code a}'s finished turn {@code f}, then lets the population change. */
  private void recordOne(LiveAgent a, Future<Turn.Acted> f) {
    if (!colony.agents.contains(a)) {
      return;
    }
    try {
      turn.record(a, result(f));
      if (!colony.stopping()) {
        colony.population.afterTurn(a);
      }
    } catch (Turn.Stopped e) {
      Records.addEpisodes(colony.registry, a.id, a.episodes.drain()); // the rest of the rollout is dropped
    } catch (RuntimeException | Error e) {
      failed(a, e);
    }
    betweenTurns.run();
  }

  /** One turn after another, the next agent acting meanwhile when {@code colony.overlap} is on. */
  private void oneByOne(List<LiveAgent> order, long deadline) {
    boolean overlap = colony.config.colony().overlap();
    Future<Turn.Acted> pending = null;
    LiveAgent pendingAgent = null;
    for (int i = 0; i < order.size(); i++) {
      LiveAgent a = order.get(i);
      if (colony.stopping() || System.nanoTime() >= deadline) {
        abandon(pending, pendingAgent);
        return;
      }
      if (!colony.agents.contains(a)) {
        continue;
      }
      Future<Turn.Acted> mine = pendingAgent == a ? pending : null;
      pending = null;
      pendingAgent = null;
      Turn.Acted acted;
      try {
        acted = mine != null ? result(mine) : turn.act(a);
      } catch (Turn.Stopped e) {
        Records.addEpisodes(colony.registry, a.id, a.episodes.drain()); // the rest of the rollout is dropped
        continue;
      } catch (RuntimeException | Error e) {
        failed(a, e);
        continue;
      }
      LiveAgent next = overlap ? nextAlive(order, i + 1) : null; // agents change only on this thread
      if (next != null && !colony.stopping()) {
        pending = actor().submit(() -> turn.act(next));
        pendingAgent = next;
      }
      try {
        turn.learn(a, acted);
        settle(pending); // no act in flight while agents are born, die or change
        if (!colony.stopping()) { // a stopping colony checkpoints and leaves; births and deaths can wait
          colony.population.afterTurn(a);
        }
      } catch (Turn.Stopped e) {
        Records.addEpisodes(colony.registry, a.id, a.episodes.drain());
      } catch (RuntimeException | Error e) {
        settle(pending);
        failed(a, e);
      }
      betweenTurns.run();
    }
  }

  /** The first agent of {@code order} from {@code from} on that is still in memory, or null. */
  private LiveAgent nextAlive(List<LiveAgent> order, int from) {
    for (int k = from; k < order.size(); k++) {
      if (colony.agents.contains(order.get(k))) {
        return order.get(k);
      }
    }
    return null;
  }

  /** The acting half's result, its exception rethrown as it was. */
  private static Turn.Acted result(Future<Turn.Acted> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while an agent acted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Waits until {@code f} is done, leaving its result (or exception) for its own turn. */
  private static void settle(Future<Turn.Acted> f) {
    if (f == null) {
      return;
    }
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // its own turn reports it
    }
  }

  /** An act in flight when the round ends: waited for, its rollout dropped, its episodes kept. */
  private void abandon(Future<Turn.Acted> f, LiveAgent a) {
    if (f == null) {
      return;
    }
    settle(f);
    if (colony.agents.contains(a)) {
      Records.addEpisodes(colony.registry, a.id, a.episodes.drain());
    }
  }

  private void failed(LiveAgent a, Throwable e) {
    if (e instanceof VirtualMachineError && !(e instanceof OutOfMemoryError)) {
      throw (VirtualMachineError) e;
    }
    if (colony.agents.contains(a)) {
      colony.lifecycle.fail(a, e);
    }
  }

  private ExecutorService pool(int n) {
    if (learners == null) {
      AtomicInteger count = new AtomicInteger();
      learners = Executors.newFixedThreadPool(n, r -> {
        Thread t = new Thread(r, "colony-learner-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
    }
    return learners;
  }

  private ExecutorService actor() {
    if (actor == null) {
      actor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "colony-actor");
        t.setDaemon(true);
        return t;
      });
    }
    return actor;
  }

  @Override
  public void close() {
    if (actor != null) {
      actor.shutdownNow();
    }
    if (learners != null) {
      learners.shutdownNow();
    }
  }
}
