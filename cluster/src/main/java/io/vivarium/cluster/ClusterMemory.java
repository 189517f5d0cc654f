package io.vivarium.cluster;

import io.vivarium.memory.Consensus;
import io.vivarium.memory.Entry;
import io.vivarium.memory.Filter;
import io.vivarium.memory.Hit;
import io.vivarium.memory.Memory;
import io.vivarium.memory.MemoryStats;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's shared memory as one node's agents see it: every call is a message to the
 * {@link MemoryServer} singleton, with a timeout and a bound on requests in flight. A store is
 * sent without waiting (its id is not known: {@code -1}); a recall that times out, or finds the
 * bound reached, returns nothing and is counted, so a slow or moving memory slows no agent's
 * turn by more than the timeout. Thread-safe.
 */
final class ClusterMemory implements Memory {
  private static final Logger logger = LoggerFactory.getLogger(ClusterMemory.class);
  /** Requests one node may have waiting for the memory server. */
  static final int IN_FLIGHT = 256;
  static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final ActorSystem<?> system;
  private final ActorRef<MemoryServer.Command> server;
  private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
  private final AtomicLong missed = new AtomicLong();
  private volatile int dimension;

  ClusterMemory(ActorSystem<?> system, ActorRef<MemoryServer.Command> server) {
    this.system = system;
    this.server = server;
  }

  @Override
  public int dimension() {
    if (dimension == 0) {
      MemoryServer.StatsAnswer a = ask(r -> new MemoryServer.Stats(r), Duration.ofSeconds(30));
      if (a == null) {
        throw new IllegalStateException("the cluster's shared memory did not answer within 30 s; check the node "
            + "serving it (vivarium status) and that cluster.shared is the same directory on every node");
      }
      dimension = a.stats().dimension();
    }
    return dimension;
  }

  @Override
  public long store(Entry entry) {
    server.tell(new MemoryServer.Store(entry));
    return -1;
  }

  @Override
  public List<Hit> recall(float[] query, int k, Filter filter) {
    return hits(r -> new MemoryServer.Recall(query, k, filter, r));
  }

  @Override
  public Optional<Hit> fact(String key) {
    return hits(r -> new MemoryServer.Facts(key, 0, r)).stream().findFirst();
  }

  @Override
  public List<Hit> facts(String prefix, int limit) {
    return hits(r -> new MemoryServer.Facts(prefix, Math.max(1, limit), r));
  }

  @Override
  public Optional<Consensus> consensus(float[] query, int k, Filter filter) {
    List<Hit> hits = recall(query, k, filter);
    return hits.isEmpty() ? Optional.empty() : Optional.of(Consensus.of(hits));
  }

  @Override
  public void refresh() {
    hits(MemoryServer.Refresh::new);
  }

  /** The memory server commits on its own interval and when it closes. */
  @Override
  public void commit() {}

  /** Expiry runs where the memory is served, on every commit. */
  @Override
  public long expire() {
    return 0;
  }

  @Override
  public MemoryStats stats() {
    MemoryServer.StatsAnswer a = ask(MemoryServer.Stats::new, TIMEOUT);
    return a == null ? new MemoryStats(0, java.util.Map.of(), dimension, 0, 0, 0, 0, 0) : a.stats();
  }

  /** Requests that got no answer (timeout or too many in flight). */
  long missed() {
    return missed.get();
  }

  /** This node's proxy closes nothing: the memory lives with its server. */
  @Override
  public void close() {}

  private List<Hit> hits(Function<ActorRef<MemoryServer.Hits>, MemoryServer.Command> message) {
    MemoryServer.Hits h = ask(message, TIMEOUT);
    return h == null ? List.of() : h.hits();
  }

  private <T> T ask(Function<ActorRef<T>, MemoryServer.Command> message, Duration timeout) {
    if (!inFlight.tryAcquire()) {
      missed.incrementAndGet();
      return null;
    }
    try {
      return AskPattern.ask(server, message::apply, timeout, system.scheduler()).toCompletableFuture()
          .get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      if (missed.incrementAndGet() % 100 == 1) {
        logger.warn("the shared memory did not answer ({} requests missed so far): {}", missed.get(), e.toString());
      }
      return null;
    } finally {
      inFlight.release();
    }
  }
}
