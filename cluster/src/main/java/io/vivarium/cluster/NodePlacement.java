package io.vivarium.cluster;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.NodeRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.runtime.Host;
import io.vivarium.colony.runtime.Placement;
import io.vivarium.core.config.ClusterConfig;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.memory.Memory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.MailboxSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.Leave;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A colony as a node of a Pekko cluster: it runs the agents whose entities sharding places here.
 * Entities hand their work (adopt, release, kill) to the colony's thread through a queue, drained
 * at every turn boundary; ids, replication and the cap come from the {@link PopulationManager}.
 * The first node of a new cluster (no {@code cluster.join}) founds the colony when the registry
 * has no agent. A node the cluster cut off drops its agents without checkpoints and stops.
 * Thread-safe: the entity-facing methods may be called from any thread; the {@link Placement}
 * methods on the colony's thread.
 */
public final class NodePlacement implements Placement {
  private static final Logger logger = LoggerFactory.getLogger(NodePlacement.class);
  private static final Duration ASK = Duration.ofSeconds(3);
  private static final long JOIN_SECONDS = 25;

  private final VivariumConfig config;
  private final ClusterConfig cluster;
  private final ConcurrentLinkedQueue<Job> jobs = new ConcurrentLinkedQueue<>();
  private final Map<String, ActorRef<AgentEntity.Command>> entities = new ConcurrentHashMap<>();
  private final Registry registry;
  private final ActorSystem<Void> system;
  private final ActorRef<PopulationManager.Command> population;
  private final ClusterMemory memory;
  private final Ledger ledger;
  private Host host;
  private volatile boolean cutOff;
  private volatile boolean closing;

  private record Job(Function<Host, Boolean> work, CompletableFuture<Boolean> done) {}

  /**
   * Starts this node of {@code config}'s cluster (whose {@code cluster.name} must be set) and joins
   * it: the agents' sharding, the population manager and the shared memory (in {@code dir}'s
   * shared directory) as singletons; returns once this node is up.
   *
   * @throws IllegalStateException when the node cannot join within 25 s
   */
  public NodePlacement(VivariumConfig config, DataDir dir, String version) {
    if (!config.cluster().enabled()) {
      throw new IllegalArgumentException("cluster.name is empty; a node needs the cluster's name (--cluster NAME)");
    }
    this.config = config;
    NodeSettings.of(config.cluster()); // checks bind, join and TLS before anything starts
    this.registry = Registry.open(config.cluster().registry());
    try {
      List<NodeRow> nodes = registry.cluster().nodes();
      Versions.check(nodes, config.cluster(), version);
      this.cluster = Peers.joinLive(nodes, config.cluster());
      if (!cluster.join().equals(config.cluster().join())) {
        logger.info("nodes of cluster {} run at {}: joining them", cluster.name(), cluster.join());
      }
      system = ActorSystem.create(Behaviors.empty(), cluster.name(), NodeSettings.of(cluster));
    } catch (IllegalArgumentException e) {
      registry.close();
      throw e;
    } catch (RuntimeException e) {
      registry.close();
      throw new IllegalStateException("cannot start node " + config.cluster().bind() + ": " + e.getMessage()
          + " (is the port in use? pick another --bind)", e);
    }
    system.getWhenTerminated().thenRun(() -> cutOff = !closing);
    ClusterSharding sharding = ClusterSharding.get(system);
    sharding.init(Entity.of(AgentEntity.TYPE, c -> AgentEntity.create(c.getEntityId(), c.getShard(), this))
        .withStopMessage(new AgentEntity.Release()));
    ClusterSingleton singletons = ClusterSingleton.get(system);
    population = singletons.init(SingletonActor.of(
        PopulationManager.create(registry, sharding, config.colony()), "population"));
    memory = !config.memory().enabled() ? null : new ClusterMemory(system, singletons.init(
        SingletonActor.of(MemoryServer.create(dir.memory(), config), "memory")
            .withStopMessage(new MemoryServer.Close())
            .withProps(MailboxSelector.bounded(MemoryServer.QUEUE)
                .withDispatcherFromConfig("pekko.actor.default-blocking-io-dispatcher"))));
    awaitUp();
    ledger = new Ledger(registry.cluster(), cluster.bind(), version);
  }

  // -- the colony's side ----------------------------------------------------------------------

  @Override
  public Memory memory(VivariumConfig config) {
    return memory;
  }

  @Override
  public void open(Host host) {
    this.host = host;
    if (cluster.join().isEmpty() && host.foundIfEmpty()) {
      for (String id : host.agentIds()) {
        host.release(id); // founders are checkpointed; sharding places them
      }
    }
    host.log("node " + address() + " up in cluster " + cluster.name() + " · members " + members());
  }

  private void awaitUp() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(JOIN_SECONDS);
    Cluster c = Cluster.get(system);
    while (c.selfMember().status() != MemberStatus.up()) {
      if (system.getWhenTerminated().toCompletableFuture().isDone() || System.nanoTime() > deadline) {
        closing = true;
        system.terminate();
        registry.close();
        throw new IllegalStateException("cannot join cluster " + cluster.name() + " at "
            + (cluster.join().isEmpty() ? cluster.bind() : cluster.join()) + " within " + JOIN_SECONDS
            + " s; check that a node runs there with --cluster " + cluster.name() + " and that --join names its --bind");
      }
      sleep(100);
    }
  }

  @Override
  public void betweenTurns(Host host) {
    if (cutOff) {
      ledger.abandon();
      for (String id : host.agentIds()) {
        host.drop(id);
      }
    }
    drain(host);
    if (!cutOff) {
      ledger.beat(host.stepsPerSecond(), "up");
    }
  }

  @Override
  public boolean idle(Host host) {
    if (cutOff) {
      host.log("node " + cluster.bind() + " was removed from cluster " + cluster.name() + "; its agents run elsewhere");
      return false;
    }
    ledger.beat(0, "up");
    sleep(100);
    return true;
  }

  @Override
  public String childId(String parent, double fitness, double localQuantile) {
    boolean clone = localQuantile == Double.NEGATIVE_INFINITY;
    try {
      PopulationManager.Answer a = AskPattern.<PopulationManager.Command, PopulationManager.Answer>ask(population,
          r -> new PopulationManager.ChildId(parent, fitness, clone, r), ASK, system.scheduler())
          .toCompletableFuture().get(ASK.toMillis() + 500, TimeUnit.MILLISECONDS);
      return a.id().isEmpty() ? null : a.id();
    } catch (Exception e) {
      logger.warn("no answer from the population manager about {}'s child: {}", parent, e.toString());
      return null;
    }
  }

  @Override
  public void born(Host host, String id) {
    host.release(id);
    population.tell(new PopulationManager.Born(id));
  }

  @Override
  public boolean capsHere() {
    return false;
  }

  @Override
  public void left(String id) {
    ledger.gone(id);
    ActorRef<AgentEntity.Command> e = entities.remove(id);
    if (e != null) {
      e.tell(new AgentEntity.Left());
    }
  }

  @Override
  public boolean takes(boolean here, AgentState state) {
    if (here) {
      return true;
    }
    return state != AgentState.ALIVE && oldest(); // the population manager runs on the oldest node
  }

  @Override
  public boolean wakesHere() {
    return false;
  }

  /** Whether this node is the oldest up member, where Pekko runs the cluster singletons. */
  private boolean oldest() {
    Cluster c = Cluster.get(system);
    org.apache.pekko.cluster.Member self = c.selfMember();
    for (org.apache.pekko.cluster.Member m : c.state().getMembers()) {
      if (m.status() == MemberStatus.up() && m.isOlderThan(self)) {
        return false;
      }
    }
    return true;
  }

  /** Leaves the cluster (its shards move to the other nodes) and stops the node. */
  @Override
  public void close() {
    closing = true;
    Cluster c = Cluster.get(system);
    if (!system.getWhenTerminated().toCompletableFuture().isDone()) {
      c.manager().tell(new Leave(c.selfMember().address()));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!system.getWhenTerminated().toCompletableFuture().isDone() && System.nanoTime() < deadline) {
      drain(host);
      sleep(50);
    }
    system.terminate();
    drain(host);
    if (!cutOff) {
      ledger.close("left");
    }
    registry.close();
  }

  // -- the entities' side (any thread) ----------------------------------------------------------

  CompletionStage<Boolean> adopt(String id) {
    return submit(h -> {
      boolean ok = !closing && !cutOff && h.adopt(id);
      if (ok) {
        ledger.adopted(id);
      }
      return ok;
    });
  }

  CompletionStage<Boolean> release(String id) {
    return submit(h -> {
      if (!cutOff) {
        h.release(id);
        ledger.gone(id);
      }
      return true;
    });
  }

  CompletionStage<Boolean> kill(String id, String reason) {
    return submit(h -> {
      boolean ok = h.kill(id, reason);
      ledger.gone(id);
      return ok;
    });
  }

  void register(String id, ActorRef<AgentEntity.Command> entity) {
    entities.put(id, entity);
  }

  void unregister(String id, ActorRef<AgentEntity.Command> entity) {
    entities.remove(id, entity);
  }

  private CompletionStage<Boolean> submit(Function<Host, Boolean> work) {
    Job j = new Job(work, new CompletableFuture<>());
    jobs.add(j);
    return j.done();
  }

  private void drain(Host h) {
    for (Job j = jobs.poll(); j != null; j = jobs.poll()) {
      try {
        j.done().complete(h != null && j.work().apply(h));
      } catch (RuntimeException e) {
        logger.warn("cluster work on this node failed", e);
        j.done().completeExceptionally(e);
      }
    }
  }

  /** This node's address, {@code pekko://NAME@HOST:PORT}. */
  private String address() {
    return Cluster.get(system).selfMember().address().toString();
  }

  /** The cluster's members' addresses and states as this node sees them. */
  private List<String> members() {
    List<String> out = new java.util.ArrayList<>();
    Cluster.get(system).state().getMembers().forEach(m -> out.add(m.address().hostPort() + " " + m.status()));
    return out;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
