package io.vivarium.core.world;

import java.util.Objects;
import java.util.Optional;

/**
 * People's recordings to a colony's listening worlds (seed 002's {@code audio:from_parent}): WAV
 * files uploaded in the zookeeper or published on the bus, queued by the colony (bounded) and taken
 * by the worlds of the agents they are addressed to, which hear each as an episode and report the
 * answer back; the colony publishes it on {@code text:to_parent}. The audio twin of {@link Asks}.
 * Implementations are thread-safe.
 */
public interface Recordings {
  /** The oldest pending recording addressed to {@code agent}, taken off the queue. */
  Optional<Recording> poll(String agent);

  /** Reports {@code agent}'s {@code answer} to {@code recording}. */
  void answered(Recording recording, String agent, String answer);

  /**
   * One recording from a person.
   *
   * @param id the queue's id for it
   * @param agent the agent it is addressed to
   * @param samples mono samples at 16 kHz in [-1, 1], already read from a valid WAV; shared, read-only
   * @param source who sent it: {@code zoo} or {@code bus}
   */
  record Recording(long id, String agent, float[] samples, String source) {
    public Recording {
      Objects.requireNonNull(agent, "recording agent");
      Objects.requireNonNull(samples, "recording samples");
      Objects.requireNonNull(source, "recording source");
    }
  }

  /** No people: nothing is ever pending. */
  static Recordings none() {
    return new Recordings() {
      @Override
      public Optional<Recording> poll(String agent) {
        return Optional.empty();
      }

      @Override
      public void answered(Recording recording, String agent, String answer) {}
    };
  }
}
