package io.vivarium.colony.runtime;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * What an agent's learner knows beyond its brain, as a checkpoint's learner section (layout in
 * docs/formats.md, "Learner section"): the phase it was in, its episode count and the count at
 * its last child, its recent episodes' returns and outcomes (oldest first), and its optimizer's
 * state. Immutable; arrays are not copied, so callers must not change them.
 *
 * @param phase {@code bc} or {@code ppo}: which learner the optimizer state belongs to
 * @param episodes episodes finished in the agent's life
 * @param episodesAtLastBirth the episode count when it last had a child
 * @param returns the recent episodes' returns, oldest first
 * @param successes the recent episodes' outcomes, matching {@code returns}
 * @param optimizer the optimizer's state (see {@link io.vivarium.brain.learn.AdamW#exportState()})
 */
record LearnerState(String phase, long episodes, long episodesAtLastBirth, double[] returns, boolean[] successes,
    byte[] optimizer) {
  /** The section's magic number, "VVLS". */
  static final int MAGIC = 0x56564C53;
  static final int VERSION = 1;

  LearnerState {
    if (!phase.equals("bc") && !phase.equals("ppo")) {
      throw new IllegalArgumentException("learner phase must be bc or ppo; got '" + phase + "'");
    }
    if (returns.length != successes.length || episodes < returns.length || episodesAtLastBirth < 0
        || episodesAtLastBirth > episodes) {
      throw new IllegalArgumentException("learner state needs as many returns as outcomes, at most as many as its "
          + episodes + " episodes, and 0 <= episodes at last child <= episodes; got " + returns.length + " returns, "
          + successes.length + " outcomes, " + episodesAtLastBirth + " at last child");
    }
  }

  /** The section's bytes. */
  byte[] encode() {
    ByteBuffer out = ByteBuffer.allocate(4 + 4 + 1 + 8 + 8 + 4 + 9 * returns.length + 4 + optimizer.length);
    out.putInt(MAGIC).putInt(VERSION).put((byte) (phase.equals("bc") ? 0 : 1));
    out.putLong(episodes).putLong(episodesAtLastBirth).putInt(returns.length);
    for (int k = 0; k < returns.length; k++) {
      out.putDouble(returns[k]).put((byte) (successes[k] ? 1 : 0));
    }
    out.putInt(optimizer.length).put(optimizer);
    return out.array();
  }

  /**
   * Reads a learner section.
   *
   * @throws IllegalArgumentException when {@code bytes} are not a learner state of a known version
   */
  static LearnerState decode(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      int magic = in.getInt();
      int version = in.getInt();
      if (magic != MAGIC || version != VERSION) {
        throw new IllegalArgumentException("learner section: magic " + Integer.toHexString(magic) + " version "
            + version + " is not VVLS version " + VERSION);
      }
      int phase = in.get();
      long episodes = in.getLong();
      long atLastBirth = in.getLong();
      int n = in.getInt();
      if (phase < 0 || phase > 1 || n < 0 || n > in.remaining() / 9) {
        throw new IllegalArgumentException("learner section: phase code " + phase + " or window size " + n
            + " is out of range");
      }
      double[] returns = new double[n];
      boolean[] successes = new boolean[n];
      for (int k = 0; k < n; k++) {
        returns[k] = in.getDouble();
        successes[k] = in.get() != 0;
      }
      byte[] optimizer = new byte[in.getInt()];
      in.get(optimizer);
      if (in.hasRemaining()) {
        throw new IllegalArgumentException("learner section: " + in.remaining() + " bytes follow its end");
      }
      return new LearnerState(phase == 0 ? "bc" : "ppo", episodes, atLastBirth, returns, successes, optimizer);
    } catch (BufferUnderflowException | NegativeArraySizeException e) {
      throw new IllegalArgumentException("learner section: truncated (" + bytes.length + " bytes)");
    }
  }
}
