package io.vivarium.colony.runtime;

import io.vivarium.colony.store.CheckpointStore;
import io.vivarium.core.config.LearnMethod;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an agent's learner knows beyond its brain, as a checkpoint's learner section (layout in
 * docs/formats.md, "Learner section"): the phase it was in, its episode count and the count at
 * its last child, its recent episodes' returns and outcomes (oldest first), and its optimizer's
 * state. {@link #of} takes it from an agent, {@link #resume} gives it back. Immutable; arrays
 * are not copied, so callers must not change them. Used on the colony thread.
 *
 * @param phase {@code bc}, {@code ppo}, {@code grpo} or {@code dagger}: which learner the optimizer state
 *     belongs to
 * @param episodes episodes finished in the agent's life
 * @param episodesAtLastBirth the episode count when it last had a child
 * @param returns the recent episodes' returns, oldest first
 * @param successes the recent episodes' outcomes, matching {@code returns}
 * @param optimizer the optimizer's state (see {@link io.vivarium.brain.learn.AdamW#exportState()})
 * @param config the colony's resolved configuration (TOML, secrets redacted) when the checkpoint was
 *     written, so a checkpoint says what ran; empty in version-1 sections
 */
record LearnerState(LearnMethod phase, long episodes, long episodesAtLastBirth, double[] returns, boolean[] successes,
    byte[] optimizer, String config) {
  /** The phase codes of the section, by code. */
  private static final java.util.List<LearnMethod> PHASES = java.util.List.of(LearnMethod.BC, LearnMethod.PPO,
      LearnMethod.GRPO, LearnMethod.DAGGER);
  /** The section's magic number, "VVLS". */
  static final int MAGIC = 0x56564C53;
  static final int VERSION = 2;
  private static final Logger logger = LoggerFactory.getLogger(LearnerState.class);

  LearnerState {
    if (!PHASES.contains(phase)) {
      throw new IllegalArgumentException("learner phase must be one of " + PHASES + "; got " + phase);
    }
    if (returns.length != successes.length || episodes < returns.length || episodesAtLastBirth < 0
        || episodesAtLastBirth > episodes) {
      throw new IllegalArgumentException("learner state needs as many returns as outcomes, at most as many as its "
          + episodes + " episodes, and 0 <= episodes at last child <= episodes; got " + returns.length + " returns, "
          + successes.length + " outcomes, " + episodesAtLastBirth + " at last child");
    }
  }

  /** What the agent's learner knows beyond its brain, for its checkpoint. */
  static LearnerState of(LiveAgent a, String config) {
    return new LearnerState(a.phase, a.episodes.episodes(), a.episodesAtLastBirth, a.episodes.recentReturns(),
        a.episodes.recentSuccesses(), a.learner.optimizerState(), config);
  }

  /**
   * Continues a freshly loaded agent's learner from its checkpoint's learner section: episode
   * counts and recent episodes, and the optimizer when the phase is the same. A missing section
   * (an older checkpoint) leaves the learner fresh; a damaged or unfitting one too, with a
   * warning to the log and to {@code status} (the colony's status lines). Never throws for bad
   * bytes: the brain resumes whatever the learner section holds.
   */
  static void resume(LiveAgent a, CheckpointStore.Loaded loaded, Consumer<String> status) {
    if (loaded.learner() == null) {
      if (loaded.learnerDamage() != null) {
        warnFresh(a, "learner state", loaded.learnerDamage(), status);
      } else {
        logger.info("agent {} resumes with a fresh learner: its checkpoint has no learner section", a.id);
      }
      return;
    }
    LearnerState s;
    try {
      s = decode(loaded.learner());
    } catch (IllegalArgumentException e) {
      warnFresh(a, "learner state", e.getMessage(), status);
      return;
    }
    a.episodes.restore(s.episodes(), s.returns(), s.successes());
    a.episodesAtLastBirth = s.episodesAtLastBirth();
    a.successRate = a.episodes.successRate();
    if (s.phase() != a.phase) {
      status.accept("agent " + a.id + " resumes in phase " + a.phase + " (its checkpoint was in " + s.phase()
          + "): a fresh optimizer for the new learner");
      return;
    }
    try {
      a.learner.restoreOptimizer(s.optimizer());
    } catch (RuntimeException e) { // refused (IllegalArgumentException) or the engine's: never the colony's end
      warnFresh(a, "optimizer", e.getMessage(), status);
    }
  }

  private static void warnFresh(LiveAgent a, String what, String why, Consumer<String> status) {
    logger.warn("agent {} resumes with a fresh {}: {}", a.id, what, why);
    status.accept("warning: agent " + a.id + " resumes with a fresh " + what + ": " + why);
  }

  /** The section's bytes. */
  byte[] encode() {
    byte[] toml = config.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ByteBuffer out = ByteBuffer.allocate(4 + 4 + 1 + 8 + 8 + 4 + 9 * returns.length + 4 + optimizer.length + 4
        + toml.length);
    out.putInt(MAGIC).putInt(VERSION).put((byte) PHASES.indexOf(phase));
    out.putLong(episodes).putLong(episodesAtLastBirth).putInt(returns.length);
    for (int k = 0; k < returns.length; k++) {
      out.putDouble(returns[k]).put((byte) (successes[k] ? 1 : 0));
    }
    out.putInt(optimizer.length).put(optimizer);
    out.putInt(toml.length).put(toml);
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
      if (magic != MAGIC || version < 1 || version > VERSION) {
        throw new IllegalArgumentException("learner section: magic " + Integer.toHexString(magic) + " version "
            + version + " is not VVLS version 1 to " + VERSION);
      }
      int phase = in.get();
      long episodes = in.getLong();
      long atLastBirth = in.getLong();
      int n = in.getInt();
      if (phase < 0 || phase >= (version == 1 ? 2 : PHASES.size()) || n < 0 || n > in.remaining() / 9) {
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
      String config = "";
      if (version >= 2) {
        byte[] toml = new byte[in.getInt()];
        in.get(toml);
        config = new String(toml, java.nio.charset.StandardCharsets.UTF_8);
      }
      if (in.hasRemaining()) {
        throw new IllegalArgumentException("learner section: " + in.remaining() + " bytes follow its end");
      }
      return new LearnerState(PHASES.get(phase), episodes, atLastBirth, returns, successes, optimizer, config);
    } catch (BufferUnderflowException | NegativeArraySizeException e) {
      throw new IllegalArgumentException("learner section: truncated (" + bytes.length + " bytes)");
    }
  }
}
