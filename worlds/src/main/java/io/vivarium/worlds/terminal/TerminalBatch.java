package io.vivarium.worlds.terminal;

import io.vivarium.core.Seeds;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.ActionNames;
import io.vivarium.core.world.Curriculum;
import io.vivarium.core.world.Expert;
import io.vivarium.core.world.Image;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Renderer;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.WorldBatch;
import java.util.SplittableRandom;

/**
 * Many terminals stepped together: every sandbox gets its key before any reply is read, so the
 * sandboxes settle at once. Finished episodes start the next at once (auto-reset). Has the
 * {@link Expert}, {@link Curriculum}, {@link Renderer} and {@link ActionNames} (key names)
 * capabilities. Not thread-safe.
 */
public final class TerminalBatch implements WorldBatch, Expert, Curriculum, Renderer, ActionNames {
  private final TerminalPreset preset;
  private final Spec spec;
  private final TerminalInstance[] terminals;
  private final TerminalCurriculum curriculum;
  private final float[] rewards;
  private final boolean[] terminated;
  private final boolean[] truncated;
  private final long[] stream; // each instance's seed; its episodes derive from it as in SerialWorldBatch
  private final long[] episode;
  private final int[] level;
  private final Observation[] observations;
  private boolean closed;

  /** A batch of {@code size} terminals of {@code preset} with {@code limits}. */
  public TerminalBatch(TerminalPreset preset, int size, TerminalLimits limits) {
    if (size < 1) {
      throw new IllegalArgumentException("a terminal batch needs at least 1 terminal; got " + size);
    }
    this.preset = preset;
    this.spec = TerminalWorld.spec(preset);
    this.curriculum = new TerminalCurriculum(preset.tasks());
    terminals = new TerminalInstance[size];
    try {
      for (int i = 0; i < size; i++) {
        terminals[i] = new TerminalInstance(preset, limits);
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    rewards = new float[size];
    terminated = new boolean[size];
    truncated = new boolean[size];
    stream = new long[size];
    episode = new long[size];
    level = new int[size];
    observations = new Observation[size];
  }

  @Override
  public Spec spec() {
    return spec;
  }

  @Override
  public int size() {
    return terminals.length;
  }

  @Override
  public void reset(long seed) {
    reset(seed, 1);
  }

  @Override
  public void reset(long seed, int group) {
    if (group < 1) {
      throw new IllegalArgumentException("reset group must be at least 1; got " + group);
    }
    for (int i = 0; i < size(); i++) {
      stream[i] = Seeds.derive(seed, "instance", i / group);
      episode[i] = 0;
      sendReset(i);
    }
    for (int i = 0; i < size(); i++) {
      receiveReset(i);
    }
  }

  private void sendReset(int i) {
    long s = Seeds.derive(stream[i], "episode", episode[i]);
    level[i] = curriculum.level();
    SplittableRandom random = new SplittableRandom(s);
    terminals[i].sendReset(random.nextLong(), TerminalCurriculum.task(preset.tasks(), level[i], random));
  }

  private void receiveReset(int i) {
    terminals[i].receiveReset();
    observations[i] = terminals[i].observation();
  }

  @Override
  public void step(Action[] actions) {
    byte[] keys = new byte[size()];
    for (int i = 0; i < size(); i++) {
      int k = actions[i].firstMotor();
      keys[i] = k < 0 ? 0 : (byte) k;
    }
    step(keys);
  }

  @Override
  public void step(byte[] motor) {
    if (motor.length != size()) {
      throw new IllegalArgumentException("terminal batch of " + size() + " got " + motor.length + " keys");
    }
    for (int i = 0; i < size(); i++) {
      terminals[i].sendKey(motor[i]);
    }
    boolean anyDone = false;
    for (int i = 0; i < size(); i++) {
      TerminalInstance t = terminals[i];
      t.receiveKey();
      rewards[i] = t.reward();
      terminated[i] = t.terminated();
      truncated[i] = t.truncated();
      if (terminated[i] || truncated[i]) {
        anyDone = true;
        curriculum.record(t.success());
      } else {
        observations[i] = t.observation();
      }
    }
    if (anyDone) {
      for (int i = 0; i < size(); i++) {
        if (terminated[i] || truncated[i]) {
          episode[i]++;
          sendReset(i);
        }
      }
      for (int i = 0; i < size(); i++) {
        if (terminated[i] || truncated[i]) {
          receiveReset(i);
        }
      }
    }
  }

  @Override
  public Observation observation(int i) {
    return observations[i];
  }

  @Override
  public float[] rewards() {
    return rewards;
  }

  @Override
  public boolean[] terminated() {
    return terminated;
  }

  @Override
  public boolean[] truncated() {
    return truncated;
  }

  @Override
  public long episodeSeed(int i) {
    return Seeds.derive(stream[i], "episode", episode[i]);
  }

  @Override
  public int episodeLevel(int i) {
    return level[i];
  }

  @Override
  public byte expertAction(int i) {
    return terminals[i].expertKey();
  }

  @Override
  public void startCurriculum(int at) {
    curriculum.start(at);
  }

  @Override
  public int curriculumLevel() {
    return curriculum.level();
  }

  @Override
  public Image picture(int i) {
    return ScreenPicture.of(terminals[i].screen());
  }

  /** The key's name ({@link Keys#name}), e.g. {@code a}, {@code Space}, {@code Enter}. */
  @Override
  public String actionName(byte action) {
    return Keys.name(action);
  }

  @Override
  public String text(int i) {
    return terminals[i].text();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (TerminalInstance t : terminals) {
      if (t != null) {
        t.close();
      }
    }
  }
}
