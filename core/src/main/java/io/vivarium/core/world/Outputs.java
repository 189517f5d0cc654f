package io.vivarium.core.world;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link WorldBatch} capability: what its last step produced that is worth keeping and
 * showing — an agent's outputs with their details (exec: the program, its outcome and system
 * calls) — and named measures of the step (exec: the mean syscall evenness). The colony records
 * the outputs, stores them in the shared memory and keeps the measures as the agent's
 * {@code world.*} metrics. Read on the thread that steps the batch.
 */
public interface Outputs {
  /** The outputs of the last step worth keeping, in instance order; empty before the first step. */
  List<Output> lastOutputs();

  /** Named measures of the last step (means over its instances), e.g. {@code evenness}. */
  Map<String, Double> lastMeasures();

  /**
   * One kept output.
   *
   * @param instance the instance that produced it
   * @param bytes what it emitted
   * @param reward the reward it earned
   * @param details a JSON object describing what came of it ({@code {}} for nothing)
   * @param key the text it answers (chat: the question), empty for none: the colony's memory keys
   *     an output with a key by the key's text embedding, so that a like question recalls it
   */
  record Output(int instance, byte[] bytes, double reward, String details, String key) {
    public Output {
      Objects.requireNonNull(bytes, "output bytes");
      Objects.requireNonNull(details, "output details");
      Objects.requireNonNull(key, "output key");
      if (!details.startsWith("{")) {
        throw new IllegalArgumentException("output details must be a JSON object; got " + details);
      }
    }

    /** An output without a key. */
    public Output(int instance, byte[] bytes, double reward, String details) {
      this(instance, bytes, reward, details, "");
    }
  }
}
