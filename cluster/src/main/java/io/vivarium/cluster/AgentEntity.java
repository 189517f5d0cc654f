package io.vivarium.cluster;

import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/**
 * One agent as a sharded entity: while it lives on a node, that node's colony runs the agent.
 * The first {@link Ensure} makes the node's colony load it from its newest verified checkpoint;
 * a hand-off ({@link Release}, when its shard moves) checkpoints it and takes it out of memory;
 * {@link Kill} kills it; when the colony lets it go by itself (hibernation, death, failure) the
 * entity passivates. Pekko guarantees one entity per id in the cluster, so an agent runs on one
 * node at a time. Actor-confined.
 */
final class AgentEntity extends AbstractBehavior<AgentEntity.Command> {
  /** The entity type of agents. */
  static final EntityTypeKey<Command> TYPE = EntityTypeKey.create(Command.class, "agent");

  /** What an agent entity is told. */
  sealed interface Command {}

  /** From the population manager: the agent is alive and should run somewhere. */
  record Ensure() implements Command, Message {}

  /** From sharding when the shard moves or passivates: let the agent go, checkpointed. */
  record Release() implements Command, Message {}

  /** From the population manager: kill the agent. */
  record Kill(String reason) implements Command, Message {}

  /** From the node: the agent left the colony's memory by itself. */
  record Left() implements Command {}

  private record Done(boolean ok, String what) implements Command {}

  private final String id;
  private final ActorRef<ClusterSharding.ShardCommand> shard;
  private final NodePlacement node;
  private boolean adopted;
  private boolean busy;
  private boolean releaseWhenIdle;

  private AgentEntity(ActorContext<Command> ctx, String id, ActorRef<ClusterSharding.ShardCommand> shard,
      NodePlacement node) {
    super(ctx);
    this.id = id;
    this.shard = shard;
    this.node = node;
  }

  static Behavior<Command> create(String id, ActorRef<ClusterSharding.ShardCommand> shard, NodePlacement node) {
    return Behaviors.setup(ctx -> new AgentEntity(ctx, id, shard, node));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Ensure.class, m -> ensure())
        .onMessage(Release.class, m -> release())
        .onMessage(Kill.class, m -> kill(m.reason()))
        .onMessage(Left.class, m -> passivate())
        .onMessage(Done.class, this::done)
        .build();
  }

  private Behavior<Command> ensure() {
    if (!adopted && !busy) {
      busy = true;
      node.register(id, getContext().getSelf());
      pipe(node.adopt(id), "adopt");
    }
    return this;
  }

  private Behavior<Command> release() {
    if (busy) {
      releaseWhenIdle = true; // after the adoption in flight
      return this;
    }
    if (!adopted) {
      node.unregister(id, getContext().getSelf());
      return Behaviors.stopped();
    }
    busy = true;
    pipe(node.release(id), "release");
    return this;
  }

  private Behavior<Command> kill(String reason) {
    if (adopted && !busy) {
      busy = true;
      pipe(node.kill(id, reason), "kill");
    }
    return this;
  }

  private Behavior<Command> passivate() {
    adopted = false;
    node.unregister(id, getContext().getSelf());
    shard.tell(new ClusterSharding.Passivate<>(getContext().getSelf()));
    return this;
  }

  private Behavior<Command> done(Done d) {
    busy = false;
    switch (d.what()) {
      case "adopt" -> {
        adopted = d.ok();
        if (!adopted) {
          return passivate(); // not alive, or nothing to load: nothing to run here
        }
        if (releaseWhenIdle) {
          return release();
        }
      }
      case "release" -> {
        node.unregister(id, getContext().getSelf());
        return Behaviors.stopped();
      }
      default -> { // kill: the colony told the node the agent left, which passivates it
        if (!d.ok()) {
          return passivate();
        }
      }
    }
    return this;
  }

  private void pipe(CompletionStage<Boolean> stage, String what) {
    getContext().pipeToSelf(stage, (ok, error) -> new Done(error == null && Boolean.TRUE.equals(ok), what));
  }
}
