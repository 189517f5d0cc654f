package io.vivarium.colony.registry;

import java.util.Objects;

/**
 * One block of a weaving agent's tick as the registry keeps it (the newest
 * {@value Registry#KEEP_BLOCKS} per agent; docs/weave.md). Immutable.
 *
 * @param agent the agent that wove it
 * @param step the agent's step count when the tick was recorded, at least 0
 * @param episode the woven instance's episode, from 0
 * @param tick the tick's number in the instance's life, from 1
 * @param block the block's number in the instance's life, from 1
 * @param type orientation, action, expectation, observation or evaluation
 * @param timeMillis when the block was written
 * @param text its body
 * @param reward the tick's reward
 * @param wellFormed whether the agent's blocks of the tick parsed
 */
public record BlockRow(String agent, long step, long episode, long tick, long block, String type, long timeMillis,
    String text, double reward, boolean wellFormed) {
  /** The largest body kept, in characters. */
  public static final int MAX_TEXT = 16 * 1024;

  public BlockRow {
    AgentRow.checkId(agent);
    Objects.requireNonNull(type, "block type");
    Objects.requireNonNull(text, "block text");
    if (step < 0 || episode < 0 || tick < 1 || block < 1) {
      throw new IllegalArgumentException("block of " + agent + ": step and episode must be >= 0, tick and block >= 1;"
          + " got step " + step + ", episode " + episode + ", tick " + tick + ", block " + block);
    }
    if (text.length() > MAX_TEXT) {
      text = text.substring(0, MAX_TEXT);
    }
    if (!Double.isFinite(reward)) {
      throw new IllegalArgumentException("block reward of " + agent + " must be finite; got " + reward);
    }
  }
}
