package io.vivarium.cluster;

import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.PlacementRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.config.ColonyConfig;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The colony's population manager, one per cluster (a Pekko cluster singleton; it moves when its
 * node leaves or dies). Every second it reads the registry and (1) tells every alive agent's
 * entity to run, so sharding places it on a node; (2) kills the least fit agents above {@code
 * colony.maxAgents}. It hands out new agents' ids and decides replication: a parent may have a
 * child when its fitness reaches the {@code colony.replicateQuantile} quantile of every alive
 * agent's, on every node. Actor-confined.
 */
final class PopulationManager extends AbstractBehavior<PopulationManager.Command> {
  private static final Logger logger = LoggerFactory.getLogger(PopulationManager.class);

  /** What the population manager is told. */
  sealed interface Command {}

  private record Tick() implements Command {}

  /** A node asks for the id of {@code parent}'s child; {@code asked} for a person's request. */
  record ChildId(String parent, double fitness, boolean asked, ActorRef<Answer> replyTo) implements Command, Message {}

  /** The child's id, or empty when the parent may not have one. */
  record Answer(String id) implements Message {}

  /** A node says a child was born and checkpointed (and released): place it now. */
  record Born(String id) implements Command, Message {}

  /** A placement on a node that is not a member is ended once unseen this long. */
  private static final long GONE_MILLIS = 10_000;

  private final Registry registry;
  private final ClusterSharding sharding;
  private final ColonyConfig colony;
  private final Set<String> killing = new HashSet<>();
  private double[] fitness = new double[0];
  private int lastId;

  private PopulationManager(ActorContext<Command> ctx, Registry registry, ClusterSharding sharding, ColonyConfig colony) {
    super(ctx);
    this.registry = registry;
    this.sharding = sharding;
    this.colony = colony;
    this.lastId = AgentRow.lastNumber(registry.agents());
    logger.info("population manager on {} (last id a{})", ctx.getSystem().address(), lastId);
  }

  static Behavior<Command> create(Registry registry, ClusterSharding sharding, ColonyConfig colony) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(new Tick(), Duration.ofSeconds(1));
      ctx.getSelf().tell(new Tick());
      return new PopulationManager(ctx, registry, sharding, colony);
    }));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Tick.class, m -> tick())
        .onMessage(ChildId.class, this::childId)
        .onMessage(Born.class, m -> {
          ensure(m.id());
          return this;
        })
        .build();
  }

  private Behavior<Command> tick() {
    try {
      return tickOnce();
    } catch (RuntimeException e) {
      logger.warn("population manager cannot use the registry: {}", e.getMessage());
      return this;
    }
  }

  private Behavior<Command> tickOnce() {
    List<AgentRow> alive = registry.agents(AgentState.ALIVE);
    fitness = alive.stream().mapToDouble(AgentRow::fitness).sorted().toArray();
    killing.retainAll(alive.stream().map(AgentRow::id).toList());
    for (AgentRow r : alive) {
      ensure(r.id());
    }
    endPlacementsOfGoneNodes();
    int over = alive.size() - killing.size() - colony.maxAgents();
    List<AgentRow> worst = alive.stream().filter(r -> !killing.contains(r.id()))
        .sorted(Comparator.comparingDouble(AgentRow::fitness)).limit(Math.max(0, over)).toList();
    for (AgentRow r : worst) {
      killing.add(r.id());
      sharding.entityRefFor(AgentEntity.TYPE, r.id()).tell(new AgentEntity.Kill("population cap"));
    }
    return this;
  }

  /** Ends the placements still open on nodes no longer in the cluster (killed: they could not end them). */
  private void endPlacementsOfGoneNodes() {
    Set<String> members = new HashSet<>();
    Cluster.get(getContext().getSystem()).state().getMembers().forEach(m -> {
      if (m.status() != MemberStatus.down() && m.status() != MemberStatus.removed()) {
        members.add(m.address().host().get() + ":" + m.address().port().get());
      }
    });
    long now = System.currentTimeMillis();
    for (PlacementRow p : registry.cluster().openPlacements()) {
      if (!members.contains(p.node()) && now - p.seenMillis() > GONE_MILLIS) {
        registry.cluster().abandonPlacement(p.id());
        logger.info("{} was placed on {}, which left the cluster; placement ended", p.agent(), p.node());
      }
    }
  }

  private Behavior<Command> childId(ChildId m) {
    boolean fit = m.asked() || fitness.length == 0 || m.fitness() >= quantile(colony.replicateQuantile());
    if (!fit) {
      m.replyTo().tell(new Answer(""));
      return this;
    }
    lastId++;
    m.replyTo().tell(new Answer(String.format(Locale.ROOT, "a%04d", lastId)));
    return this;
  }

  /** The {@code q} quantile (nearest rank) of the alive agents' fitness at the last tick. */
  private double quantile(double q) {
    int k = (int) Math.ceil(q * fitness.length) - 1;
    return fitness[Math.max(0, Math.min(fitness.length - 1, k))];
  }

  private void ensure(String id) {
    sharding.entityRefFor(AgentEntity.TYPE, id).tell(new AgentEntity.Ensure());
  }
}
