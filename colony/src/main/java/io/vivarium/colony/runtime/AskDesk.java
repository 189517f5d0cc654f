package io.vivarium.colony.runtime;

import io.vivarium.colony.registry.AskBook;
import io.vivarium.colony.registry.AskRow;
import io.vivarium.colony.registry.AskText;
import io.vivarium.core.Event;
import io.vivarium.core.world.Asks;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The colony's people's questions ({@link Asks}, seed 003): at each turn boundary {@link #intake}
 * takes the registry's new pending asks into a bounded queue (when it is full the oldest waiting
 * ask is marked dropped and counted; nothing blocks); a text world's {@link #poll} takes the
 * oldest ask for its agent or for any agent (an ask for every agent goes once to each live
 * agent); {@link #answered} records the answer in the registry and hands it to the publisher
 * (the agent's {@code text:to_parent}). A colony whose world does not take asks refuses them
 * with a reason. Thread-safe: worlds poll and answer on their agents' threads.
 */
final class AskDesk implements Asks {
  private static final Logger log = LoggerFactory.getLogger(AskDesk.class);
  /** How many pending rows one intake reads at most. */
  static final int READ = 1000;

  private final AskBook book;
  private final int capacity;
  private final String refusal;
  private final BiConsumer<String, String> publish;
  private final Consumer<Event> events;
  private final Deliberation deliberation;
  private final ArrayDeque<Queued> queue = new ArrayDeque<>();
  private Set<String> live = Set.of();
  private long lastId;
  private long dropped;

  /**
   * A desk over {@code book} queueing at most {@code capacity} asks.
   *
   * @param refusal why this colony refuses every ask (its world takes none), or {@code null} when it takes them
   * @param publish receives (agent, text) for every answer and every refusal of a bus ask
   * @param events records an event (the colony's registry, the bus, the zookeeper's feed)
   */
  AskDesk(AskBook book, int capacity, String refusal, BiConsumer<String, String> publish, Consumer<Event> events) {
    this(book, capacity, refusal, publish, events, (ask, agent, answer) -> answer);
  }

  /** How an agent's answer to a person may be thought over before it is given (a tree of thought). */
  @FunctionalInterface
  interface Deliberation {
    /** The answer {@code agent} gives to {@code ask}, given its plain answer {@code answer}. */
    String answer(Ask ask, String agent, String answer);
  }

  /** A desk as above whose agents' answers go through {@code deliberation} first. */
  AskDesk(AskBook book, int capacity, String refusal, BiConsumer<String, String> publish, Consumer<Event> events,
      Deliberation deliberation) {
    if (capacity < 1) {
      throw new IllegalArgumentException("colony.asks must be at least 1; got " + capacity);
    }
    this.book = book;
    this.capacity = capacity;
    this.refusal = refusal;
    this.publish = publish;
    this.events = events;
    this.deliberation = deliberation;
  }

  /** One queued ask and, for an ask to every agent, who got it already. */
  private record Queued(Ask ask, Set<String> given) {}

  /** Takes new pending asks from the registry, given the live agents' ids; on the colony's thread. */
  synchronized void intake(Collection<String> liveAgents) {
    live = Set.copyOf(liveAgents);
    queue.removeIf(q -> q.ask().agent().equals(AskRow.EVERY) && !q.given().isEmpty()
        && q.given().containsAll(live));
    for (AskRow r : book.pendingAfter(lastId, READ)) {
      lastId = r.id();
      String why = refusal != null ? refusal : addressee(r.agent());
      if (why != null) {
        book.close(r.id(), "refused", why);
        continue;
      }
      if (queue.size() >= capacity) {
        Queued oldest = queue.removeFirst();
        dropped++;
        book.close(oldest.ask().id(), "dropped", "the colony's ask queue was full (colony.asks=" + capacity
            + "); the oldest waiting ask was dropped; ask again when the colony is less busy");
      }
      queue.addLast(new Queued(new Ask(r.id(), r.agent(), r.text(), r.source()), new HashSet<>()));
    }
  }

  private String addressee(String agent) {
    if (agent.equals(AskRow.ANY) || agent.equals(AskRow.EVERY) || live.contains(agent)) {
      return null;
    }
    return "agent " + agent + " is not alive in this colony; ask another agent or any agent";
  }

  @Override
  public synchronized Optional<Ask> poll(String agent) {
    for (Iterator<Queued> it = queue.iterator(); it.hasNext(); ) {
      Queued q = it.next();
      String to = q.ask().agent();
      if (to.equals(agent) || to.equals(AskRow.ANY)) {
        it.remove();
        return Optional.of(q.ask());
      }
      if (to.equals(AskRow.EVERY) && q.given().add(agent)) {
        if (q.given().containsAll(live)) {
          it.remove();
        }
        return Optional.of(q.ask());
      }
    }
    return Optional.empty();
  }

  @Override
  public void answered(Ask ask, String agent, String plain) {
    String answer = deliberation.answer(ask, agent, plain);
    try {
      book.answer(ask.id(), agent, answer);
      events.accept(Event.of("answer", agent, new Answered(ask.id(), ask.text(), answer)));
    } catch (RuntimeException e) {
      log.warn("could not record {}'s answer to ask {}: {}", agent, ask.id(), e.toString());
    }
    publish.accept(agent, answer);
  }

  /**
   * A person's {@code text:from_parent} bytes for {@code agent}: queued as an ask addressed to it
   * (source {@code bus}), or refused (empty, too long, not UTF-8) with an {@code ask_refused}
   * event and the refusal published on the agent's {@code text:to_parent}. On a bus thread.
   *
   * @return the ask's id, or empty when refused
   */
  Optional<Long> fromBus(String agent, byte[] bytes) {
    try {
      return Optional.of(book.add(agent, AskText.decode(bytes, "bus"), "bus"));
    } catch (IllegalArgumentException e) {
      events.accept(Event.of("ask_refused", agent, new Refused("bus", e.getMessage())));
      publish.accept(agent, "refused: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** Asks waiting in the queue. */
  synchronized int waiting() {
    return queue.size();
  }

  /** Asks dropped because the queue was full, since the colony started. */
  synchronized long dropped() {
    return dropped;
  }

  /** An {@code answer} event's details. */
  record Answered(long ask, String question, String answer) {}

  /** An {@code ask_refused} event's details: where the ask came from and why it was refused. */
  record Refused(String source, String reason) {}
}
