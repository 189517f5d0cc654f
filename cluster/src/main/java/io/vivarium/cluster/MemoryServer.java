package io.vivarium.cluster;

import io.vivarium.brain.BrainShape;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.memory.Entry;
import io.vivarium.memory.Filter;
import io.vivarium.memory.Hit;
import io.vivarium.memory.LuceneMemory;
import io.vivarium.memory.MemoryStats;
import java.nio.file.Path;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The colony's one shared memory in a cluster: a Lucene memory in the shared directory, served
 * by a cluster singleton (it moves to another node when its node leaves or dies, reopening the
 * same index; entries stored since the last commit die with a killed node). Requests are
 * answered one at a time on Pekko's blocking dispatcher. Actor-confined.
 */
final class MemoryServer extends AbstractBehavior<MemoryServer.Command> {
  private static final Logger logger = LoggerFactory.getLogger(MemoryServer.class);
  /** Requests waiting for the server beyond which new ones are dropped (the bounded queue). */
  static final int QUEUE = 4096;

  /** What the memory server is asked. */
  sealed interface Command {}

  /** Recall {@code k} entries near {@code query} passing {@code filter}. */
  record Recall(float[] query, int k, Filter filter, ActorRef<Hits> replyTo) implements Command, Message {}

  /** The fact under {@code key} (an empty list when none), or the facts under a prefix when {@code limit > 0}. */
  record Facts(String key, int limit, ActorRef<Hits> replyTo) implements Command, Message {}

  /** Store {@code entry}; no answer. */
  record Store(Entry entry) implements Command, Message {}

  /** Make every stored entry visible to recalls, then answer. */
  record Refresh(ActorRef<Hits> replyTo) implements Command, Message {}

  /** The memory's vector width and counts. */
  record Stats(ActorRef<StatsAnswer> replyTo) implements Command, Message {}

  /** Close the index (a hand-over to another node). */
  record Close() implements Command, Message {}

  /** Hits in answer. */
  record Hits(List<Hit> hits) implements Message {}

  /** Stats in answer. */
  record StatsAnswer(MemoryStats stats) implements Message {}

  private final LuceneMemory memory;

  private MemoryServer(ActorContext<Command> ctx, LuceneMemory memory) {
    super(ctx);
    this.memory = memory;
    logger.info("shared memory served on {} from {}", ctx.getSystem().address(), memory.directory());
  }

  static Behavior<Command> create(Path dir, VivariumConfig config) {
    return Behaviors.setup(ctx -> new MemoryServer(ctx,
        LuceneMemory.openAnyWidth(dir, BrainShape.of(config.brain()).dim(), config.memory())));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Recall.class, m -> answer(m.replyTo(), memory.recall(m.query(), m.k(), m.filter())))
        .onMessage(Facts.class, m -> answer(m.replyTo(),
            m.limit() > 0 ? memory.facts(m.key(), m.limit()) : memory.fact(m.key()).stream().toList()))
        .onMessage(Store.class, m -> {
          memory.store(m.entry());
          return this;
        })
        .onMessage(Refresh.class, m -> {
          memory.refresh();
          return answer(m.replyTo(), List.of());
        })
        .onMessage(Stats.class, m -> {
          m.replyTo().tell(new StatsAnswer(memory.stats()));
          return this;
        })
        .onMessage(Close.class, m -> Behaviors.stopped())
        .onSignal(PostStop.class, s -> {
          memory.close();
          return this;
        })
        .build();
  }

  private Behavior<Command> answer(ActorRef<Hits> to, List<Hit> hits) {
    to.tell(new Hits(hits));
    return this;
  }
}
