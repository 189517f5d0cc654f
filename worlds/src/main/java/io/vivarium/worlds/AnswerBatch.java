package io.vivarium.worlds;

import io.vivarium.core.world.Outputs;
import io.vivarium.core.world.WorldBatch;
import java.util.List;
import java.util.Map;

/**
 * What the batches of one-answer worlds (exec, repair, chat) share: {@code size} instances whose
 * step results are kept in arrays the batch fills on each step, and the outputs and measures of
 * the last step ({@link Outputs}). Subclasses write {@link #rewards}, {@link #terminated} and
 * {@link #truncated} in place and set {@link #outputs} and {@link #measures}; a reset clears the
 * last step's ({@link #forgetLastStep}). Not thread-safe, like every batch.
 */
public abstract class AnswerBatch implements WorldBatch, Outputs {
  /** Instances of this batch. */
  protected final int size;
  /** The last step's rewards, per instance. */
  protected final float[] rewards;
  /** Whether the last step ended each instance's episode in a terminal state. */
  protected final boolean[] terminated;
  /** Whether the last step cut each instance's episode short. */
  protected final boolean[] truncated;
  /** The outputs of the last step worth keeping. */
  protected List<Output> outputs = List.of();
  /** Named measures of the last step. */
  protected Map<String, Double> measures = Map.of();

  /** A batch of {@code size} instances; fewer than 1 is refused. */
  protected AnswerBatch(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("batch size must be at least 1; got " + size);
    }
    this.size = size;
    this.rewards = new float[size];
    this.terminated = new boolean[size];
    this.truncated = new boolean[size];
  }

  /** A reset in groups of one: every instance on its own. */
  @Override
  public final void reset(long seed) {
    reset(seed, 1);
  }

  /**
   * How many groups of {@code group} instances this batch splits into; a group that is not
   * positive or does not divide the batch is refused, naming {@code world} and the settings.
   */
  protected final int groups(int group, String world) {
    if (group < 1 || size % group != 0) {
      throw new IllegalArgumentException(world + " splits its " + size + " instances into groups of " + group
          + " (learn.grpo.group); the group must divide world.batch");
    }
    return size / group;
  }

  /** Forgets the last step's outputs and measures (a reset starts anew). */
  protected final void forgetLastStep() {
    outputs = List.of();
    measures = Map.of();
  }

  @Override
  public final int size() {
    return size;
  }

  @Override
  public final float[] rewards() {
    return rewards;
  }

  @Override
  public final boolean[] terminated() {
    return terminated;
  }

  @Override
  public final boolean[] truncated() {
    return truncated;
  }

  @Override
  public final List<Output> lastOutputs() {
    return outputs;
  }

  @Override
  public final Map<String, Double> lastMeasures() {
    return measures;
  }
}
