package io.vivarium.cluster;

import io.vivarium.bench.cluster.Latencies;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.config.ColonyConfig;
import io.vivarium.memory.Entry;
import io.vivarium.memory.Filter;
import io.vivarium.memory.Hit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;

/**
 * The coordination a colony's nodes exchange, measured on the real {@link PopulationManager}
 * singleton and agents' sharding: every node registers agent entities that only count what
 * they are told, the population manager (on the oldest node) reads the registry every second
 * and tells each alive agent {@link AgentEntity.Ensure}; the counts per node say how many of
 * those crossed to another node. {@link PopulationManager.ChildId} asks are timed from the
 * youngest node, and each message's size on the wire is taken from {@link Wire}. The probe
 * adds {@code agents} alive agents to the registry. Not thread-safe: one probe at a time.
 */
public final class CoordinationProbe {
  /** What one run saw. */
  public record Result(int alive, double seconds, long[] ensuresPerNode, Latencies childId,
      Map<String, Integer> wireBytes) {
    public long ensures() {
      long n = 0;
      for (long e : ensuresPerNode) {
        n += e;
      }
      return n;
    }

    /** Ensures received on nodes other than the population manager's (the oldest, node 0). */
    public long remoteEnsures() {
      return ensures() - ensuresPerNode[0];
    }
  }

  private CoordinationProbe() {}

  /**
   * Runs {@code nodeCount} nodes for {@code seconds} over the registry at {@code location} with {@code agents} more
   * agents, then times {@code asks} child-id asks; the nodes stop before their registries close.
   */
  public static Result run(int nodeCount, String location, int agents, int seconds, int asks) throws Exception {
    List<Registry> registries = new ArrayList<>();
    try (BenchNodes nodes = new BenchNodes(nodeCount)) {
      for (int i = 0; i < nodes.size(); i++) {
        registries.add(Registry.open(location));
      }
      Registry first = registries.get(0);
      String prefix = String.format(Locale.ROOT, "c%05d-", System.nanoTime() % 100_000);
      for (int a = 0; a < agents; a++) {
        first.putAgent(new AgentRow(prefix + a, null, 0, AgentState.ALIVE, "gold", "bench", 0, 0.5,
            System.currentTimeMillis(), 0, null));
      }
      int alive = (int) first.agents().stream().filter(r -> r.state() == AgentState.ALIVE).count();
      ColonyConfig c = ColonyConfig.defaults();
      ColonyConfig colony = new ColonyConfig(c.name(), c.seed(), c.agents(), 4096, c.checkpointSeconds(),
          c.replicateEvery(), c.mutationSigma(), c.protectTurns(), c.replicateQuantile(), c.perturb(),
          c.voteThreshold(), c.bcSteps(), c.turnSteps(), c.overlap(), c.learners(), c.founderBrain(), c.asks(),
          c.tensorboard(), c.tensorboardSeconds());
      LongAdder[] counts = new LongAdder[nodes.size()];
      ActorRef<PopulationManager.Command> population = null;
      for (int i = 0; i < nodes.size(); i++) {
        LongAdder count = counts[i] = new LongAdder();
        ClusterSharding sharding = ClusterSharding.get(nodes.node(i));
        sharding.init(Entity.of(AgentEntity.TYPE, ctx -> counting(count)));
        population = ClusterSingleton.get(nodes.node(i)).init(SingletonActor.of(
            PopulationManager.create(registries.get(i), sharding, colony), "population"));
      }
      settle(counts, alive);
      long t0 = System.nanoTime();
      BenchNodes.sleep(TimeUnit.SECONDS.toMillis(seconds));
      double secs = (System.nanoTime() - t0) / 1e9;
      long[] perNode = new long[counts.length];
      for (int i = 0; i < counts.length; i++) {
        perNode[i] = counts[i].sum();
      }
      Latencies childId = childIds(nodes.node(nodes.size() - 1), population, asks);
      Result r = new Result(alive, secs, perNode, childId, wireBytes(nodes));
      nodes.close();
      return r;
    } finally {
      registries.forEach(Registry::close);
    }
  }

  /**
   * Waits (at most 20 s) for a second in which no more Ensures arrive than there are alive agents:
   * the singleton has started, the shards are allocated and the messages buffered meanwhile are
   * delivered; then zeroes the counts.
   */
  private static void settle(LongAdder[] counts, int alive) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      for (LongAdder n : counts) {
        n.reset();
      }
      BenchNodes.sleep(1000);
      long seen = 0;
      for (LongAdder n : counts) {
        seen += n.sum();
      }
      if (seen > 0 && seen <= alive) {
        break;
      }
    }
    for (LongAdder n : counts) {
      n.reset();
    }
  }

  private static Behavior<AgentEntity.Command> counting(LongAdder ensures) {
    return Behaviors.receive(AgentEntity.Command.class)
        .onMessage(AgentEntity.Ensure.class, m -> {
          ensures.increment();
          return Behaviors.same();
        })
        .onAnyMessage(m -> Behaviors.same())
        .build();
  }

  private static Latencies childIds(org.apache.pekko.actor.typed.ActorSystem<?> node,
      ActorRef<PopulationManager.Command> population, int asks) throws Exception {
    Latencies l = new Latencies();
    Duration timeout = Duration.ofSeconds(5);
    for (int i = 0; i < asks; i++) {
      long t0 = System.nanoTime();
      AskPattern.<PopulationManager.Command, PopulationManager.Answer>ask(population,
          r -> new PopulationManager.ChildId("a0001", 1.0, true, r), timeout, node.scheduler())
          .toCompletableFuture().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
      l.add(System.nanoTime() - t0);
    }
    return l;
  }

  /** Each message's bytes on the wire (manifest and body, before Artery's own envelope). */
  private static Map<String, Integer> wireBytes(BenchNodes nodes) {
    Wire wire = new Wire((ExtendedActorSystem) Adapter.toClassic(nodes.node(0)));
    ActorRef<Object> ref = nodes.node(0).ignoreRef();
    MemoryProbeShapes s = new MemoryProbeShapes();
    Map<String, Integer> out = new LinkedHashMap<>();
    List<Object> messages = List.of(new AgentEntity.Ensure(), new PopulationManager.ChildId("a0001", 0.5, false,
            ref.unsafeUpcast()), new PopulationManager.Answer("a0002"), new PopulationManager.Born("a0002"),
        new MemoryServer.Recall(s.vector, 4, Filter.ANY, ref.unsafeUpcast()), new MemoryServer.Store(s.entry),
        new MemoryServer.Hits(s.hits));
    List<String> names = List.of("ensure", "child_id", "child_id_answer", "born", "memory_recall", "memory_store",
        "memory_hits_k4");
    for (int i = 0; i < messages.size(); i++) {
      Object m = messages.get(i);
      out.put(names.get(i), wire.toBinary(m).length + wire.manifest(m).length());
    }
    return out;
  }

  /** A recall's query, a stored entry and four hits of the default brain's width, 64-byte payloads. */
  private static final class MemoryProbeShapes {
    final float[] vector = ones(io.vivarium.brain.BrainShape.of(io.vivarium.core.config.BrainConfig.defaults()).dim());
    final Entry entry = new Entry(vector, new byte[64], null, "a0001", 0.5, Entry.OUTPUT, null, 512, 1);
    final List<Hit> hits = List.of(new Hit(1, entry, 0.9, 0.9), new Hit(2, entry, 0.8, 0.8),
        new Hit(3, entry, 0.7, 0.7), new Hit(4, entry, 0.6, 0.6));

    private static float[] ones(int dim) {
      float[] v = new float[dim];
      java.util.Arrays.fill(v, 1f);
      return v;
    }
  }
}
