package io.vivarium.colony.runtime;

import io.vivarium.core.Event;
import io.vivarium.core.audio.Wav;
import io.vivarium.core.world.Recordings;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * People's recordings ({@link Recordings}, seed 002's {@code audio:from_parent}): a WAV from the
 * bus or the zookeeper is read strictly ({@link Wav}) and queued for its agent (bounded: when full
 * the oldest waiting one is dropped); a listening world takes it as its next episode and reports
 * the word it heard, which goes to the publisher ({@code text:to_parent}, spoken when
 * {@code bus.speak}) and the events ({@code heard}). A bad file, or a colony whose world does not
 * listen, gets a {@code recording_refused} event and the reason on the agent's
 * {@code text:to_parent}; nothing throws into the colony. Recordings live in memory only: a
 * restart forgets those still waiting. Thread-safe.
 */
final class RecordingDesk implements Recordings {
  private final int capacity;
  private final String refusal;
  private final BiConsumer<String, String> publish;
  private final Consumer<Event> events;
  private final ArrayDeque<Recording> queue = new ArrayDeque<>();
  private final AtomicLong ids = new AtomicLong();
  private java.util.Set<String> live = java.util.Set.of();

  /**
   * A desk queueing at most {@code capacity} recordings.
   *
   * @param refusal why this colony refuses every recording (its world does not listen), or null
   * @param publish receives (agent, text) for every answer and every refusal
   * @param events records an event
   */
  RecordingDesk(int capacity, String refusal, BiConsumer<String, String> publish, Consumer<Event> events) {
    this.capacity = capacity;
    this.refusal = refusal;
    this.publish = publish;
    this.events = events;
  }

  /**
   * Queues {@code wav} from {@code source} ({@code bus}, {@code zoo}) for {@code agent}.
   *
   * @return the recording's id
   * @throws IllegalArgumentException naming what is wrong with the file, or why this colony refuses it
   */
  long hear(String agent, byte[] wav, String source) {
    if (refusal != null) {
      throw new IllegalArgumentException(refusal);
    }
    synchronized (this) {
      if (!live.contains(agent)) {
        throw new IllegalArgumentException("agent " + agent + " is not alive in this colony; send the recording to a"
            + " live agent");
      }
    }
    float[] samples = Wav.read(wav, "the recording for " + agent);
    Recording r = new Recording(ids.incrementAndGet(), agent, samples, source);
    synchronized (this) {
      if (queue.size() >= capacity) {
        Recording dropped = queue.removeFirst();
        events.accept(Event.of("recording_refused", dropped.agent(), new Refused(dropped.source(),
            "the colony's recording queue was full (" + capacity + "); the oldest waiting recording was dropped")));
      }
      queue.addLast(r);
    }
    return r.id();
  }

  /** The live agents' ids, at each turn boundary (on the colony's thread); recordings for the dead are dropped. */
  synchronized void live(java.util.Collection<String> agents) {
    live = java.util.Set.copyOf(agents);
    queue.removeIf(r -> !live.contains(r.agent()));
  }

  /** A person's {@code audio:from_parent} payload: queued, or refused with an event and a reply. On a bus thread. */
  void fromBus(String agent, byte[] wav) {
    try {
      hear(agent, wav, "bus");
    } catch (IllegalArgumentException e) {
      events.accept(Event.of("recording_refused", agent, new Refused("bus", e.getMessage())));
      publish.accept(agent, "refused: " + e.getMessage());
    }
  }

  @Override
  public synchronized Optional<Recording> poll(String agent) {
    for (Iterator<Recording> it = queue.iterator(); it.hasNext(); ) {
      Recording r = it.next();
      if (r.agent().equals(agent)) {
        it.remove();
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  @Override
  public void answered(Recording recording, String agent, String answer) {
    events.accept(Event.of("heard", agent, new Heard(recording.id(), recording.source(), answer)));
    publish.accept(agent, answer);
  }

  /** Recordings waiting. */
  synchronized int waiting() {
    return queue.size();
  }

  /** A {@code heard} event's details: which recording, where it came from, the agent's answer. */
  record Heard(long recording, String source, String answer) {}

  /** A {@code recording_refused} event's details. */
  record Refused(String source, String reason) {}
}
