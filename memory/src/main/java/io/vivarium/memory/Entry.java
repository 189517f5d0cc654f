package io.vivarium.memory;

import java.util.Arrays;
import java.util.Objects;

/**
 * One memory: a key vector with the bytes it stands for, who wrote it, how fit they were and
 * what kind of memory it is. Immutable apart from the arrays, which callers must not change
 * after handing them over.
 *
 * @param vector the key, e.g. the brain's {@code embed} of the payload; any non-zero finite
 *     vector of the memory's dimension (stored unit-normalised)
 * @param payload the bytes recalled into an agent's context, at most {@link #MAX_PAYLOAD}
 * @param text a short human-readable preview, or {@code null}
 * @param agent the id of the agent that wrote it (e.g. {@code a17}, or {@code user})
 * @param fitness the writer's fitness when it wrote it; any finite number
 * @param kind what it is: {@code output}, {@code fact}, {@code episode}, … (see {@link #KIND})
 * @param key the fact's key when {@code kind} is {@code fact}, else {@code null}
 * @param step the writer's step counter
 * @param time epoch milliseconds; {@code 0} means "now" (the memory stamps it on store)
 */
public record Entry(
    float[] vector, byte[] payload, String text, String agent, double fitness, String kind,
    String key, long step, long time) {

  /** The kind of fact entries, looked up by key. */
  public static final String FACT = "fact";

  /** The kind of outputs (what agents said or did). */
  public static final String OUTPUT = "output";

  /** The kind of episode summaries. */
  public static final String EPISODE = "episode";

  /** The rule every kind name follows. */
  public static final String KIND = "[a-z][a-z0-9_-]{0,31}";

  /** The longest text preview in characters. */
  public static final int MAX_TEXT = 4096;

  /** The largest payload in bytes. */
  public static final int MAX_PAYLOAD = 1 << 20;

  public Entry {
    Objects.requireNonNull(vector, "entry vector");
    Objects.requireNonNull(payload, "entry payload");
    Objects.requireNonNull(agent, "entry agent");
    Objects.requireNonNull(kind, "entry kind");
    Vectors.requireUsable(vector, "entry vector");
    if (payload.length > MAX_PAYLOAD) {
      throw new IllegalArgumentException("entry payload must be at most " + MAX_PAYLOAD
          + " bytes; got " + payload.length + "; store a summary or a reference instead");
    }
    if (agent.isEmpty() || agent.length() > 64) {
      throw new IllegalArgumentException(
          "entry agent must be 1-64 characters; got '" + agent + "'");
    }
    if (!kind.matches(KIND)) {
      throw new IllegalArgumentException("entry kind must be 1-32 lower-case letters, digits,"
          + " '_' or '-', starting with a letter; got '" + kind + "'");
    }
    if (!Double.isFinite(fitness)) {
      throw new IllegalArgumentException("entry fitness must be finite; got " + fitness);
    }
    if (kind.equals(FACT) != (key != null)) {
      throw new IllegalArgumentException("entry key must be given exactly when kind is 'fact';"
          + " got kind '" + kind + "' and key " + (key == null ? "null" : "'" + key + "'"));
    }
    if (key != null && (key.isEmpty() || key.length() > 256)) {
      throw new IllegalArgumentException("fact key must be 1-256 characters; got '" + key + "'");
    }
    if (text != null && text.length() > MAX_TEXT) {
      throw new IllegalArgumentException("entry text preview must be at most " + MAX_TEXT
          + " characters; got " + text.length() + "; shorten it");
    }
    if (time < 0) {
      throw new IllegalArgumentException("entry time must be epoch milliseconds >= 0; got " + time);
    }
  }

  /** An entry of {@code kind} stamped "now", with no preview and step 0. */
  public static Entry of(String kind, String agent, double fitness, float[] vector, byte[] payload) {
    return new Entry(vector, payload, null, agent, fitness, kind, null, 0, 0);
  }

  /** A fact: {@code value} under {@code key}, found by {@link Memory#fact} and by recall. */
  public static Entry fact(String key, byte[] value, String agent, double fitness, float[] vector) {
    return new Entry(vector, value, null, agent, fitness, FACT, key, 0, 0);
  }

  /** This entry with a text preview. */
  public Entry withText(String preview) {
    return new Entry(vector, payload, preview, agent, fitness, kind, key, step, time);
  }

  /** This entry with a step counter. */
  public Entry withStep(long s) {
    return new Entry(vector, payload, text, agent, fitness, kind, key, s, time);
  }

  /** This entry with a time stamp in epoch milliseconds. */
  public Entry withTime(long millis) {
    return new Entry(vector, payload, text, agent, fitness, kind, key, step, millis);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Entry e && Arrays.equals(vector, e.vector)
        && Arrays.equals(payload, e.payload) && Objects.equals(text, e.text)
        && agent.equals(e.agent) && Double.compare(fitness, e.fitness) == 0
        && kind.equals(e.kind) && Objects.equals(key, e.key) && step == e.step && time == e.time;
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(vector), Arrays.hashCode(payload), text, agent, fitness,
        kind, key, step, time);
  }

  @Override
  public String toString() {
    return "Entry[" + kind + (key == null ? "" : " " + key) + " by " + agent + ", fitness "
        + fitness + ", step " + step + ", " + payload.length + " bytes, d=" + vector.length + "]";
  }
}
