package io.vivarium.core.world;

import java.util.List;
import java.util.Objects;

/**
 * A {@link WorldBatch} capability: the typed blocks its last step wrote (a weaving agent's tick:
 * orientation, action, expectation, observation, evaluation). The colony records them with the
 * agent's other records, so that the zookeeper and {@code vivarium replay} show the ticks. Read on
 * the thread that steps the batch.
 */
public interface Ticks {
  /** The ticks of the last step worth keeping, in instance order; empty before the first step. */
  List<Tick> lastTicks();

  /**
   * One tick of one instance.
   *
   * @param instance the instance that wove it
   * @param episode the instance's episode the tick belongs to (counted from 0 per instance)
   * @param tick the instance's tick number (counted from 1 over its whole life)
   * @param firstBlock the number of the tick's first block in the instance's life (from 1)
   * @param blocks its blocks, in order
   * @param reward the reward the tick earned
   * @param wellFormed whether the agent's blocks parsed
   */
  record Tick(int instance, long episode, long tick, long firstBlock, List<Block> blocks, double reward,
      boolean wellFormed) {
    public Tick {
      blocks = List.copyOf(blocks);
      if (tick < 1 || firstBlock < 1 || episode < 0) {
        throw new IllegalArgumentException("a tick's number and first block count from 1 and its episode from 0; got tick "
            + tick + ", block " + firstBlock + ", episode " + episode);
      }
    }
  }

  /**
   * One block.
   *
   * @param type its type, e.g. {@code orientation}
   * @param millis when it was written, epoch milliseconds
   * @param text its body, without the {@code #startblock}/{@code #endblock} lines
   */
  record Block(String type, long millis, String text) {
    public Block {
      Objects.requireNonNull(type, "block type");
      Objects.requireNonNull(text, "block text");
      if (!type.matches("[a-z]{1,16}")) {
        throw new IllegalArgumentException("a block type must be 1-16 lower-case letters; got '" + type + "'");
      }
    }
  }
}
