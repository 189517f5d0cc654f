package io.vivarium.core.world;

import io.vivarium.core.Seeds;
import java.util.function.Supplier;

/**
 * The generic {@link WorldBatch}: single worlds stepped one after another. Worlds with a
 * faster structure-of-arrays batch provide their own.
 */
final class SerialWorldBatch implements WorldBatch {
  private final World[] worlds;
  private final Observation[] observations;
  private final long[] seeds;
  private final long[] episodes;
  private final float[] rewards;
  private final boolean[] terminated;
  private final boolean[] truncated;
  private boolean closed;

  SerialWorldBatch(Supplier<? extends World> factory, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("batch size must be at least 1; got " + size);
    }
    worlds = new World[size];
    for (int i = 0; i < size; i++) {
      worlds[i] = factory.get();
    }
    observations = new Observation[size];
    seeds = new long[size];
    episodes = new long[size];
    rewards = new float[size];
    terminated = new boolean[size];
    truncated = new boolean[size];
  }

  @Override
  public Spec spec() {
    return worlds[0].spec();
  }

  @Override
  public int size() {
    return worlds.length;
  }

  @Override
  public void reset(long seed) {
    reset(seed, 1);
  }

  @Override
  public void reset(long seed, int group) {
    if (group < 1) {
      throw new IllegalArgumentException("reset groups need at least 1 instance; got " + group);
    }
    for (int i = 0; i < worlds.length; i++) {
      seeds[i] = Seeds.derive(seed, "instance", i / group);
      episodes[i] = 0;
      observations[i] = worlds[i].reset(Seeds.derive(seeds[i], "episode", 0));
    }
  }

  @Override
  public void step(Action[] actions) {
    if (actions.length != worlds.length) {
      throw new IllegalArgumentException(
          "a batch of " + worlds.length + " needs as many actions; got " + actions.length);
    }
    for (int i = 0; i < worlds.length; i++) {
      if (observations[i] == null) {
        throw new IllegalStateException("reset the batch before stepping it");
      }
      Step s = worlds[i].step(actions[i]);
      rewards[i] = (float) s.reward();
      terminated[i] = s.terminated();
      truncated[i] = s.truncated();
      observations[i] =
          s.done() ? worlds[i].reset(Seeds.derive(seeds[i], "episode", ++episodes[i])) : s.observation();
    }
  }

  @Override
  public long episodeSeed(int i) {
    if (observations[i] == null) {
      throw new IllegalStateException("reset the batch before reading it");
    }
    return Seeds.derive(seeds[i], "episode", episodes[i]);
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
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (World w : worlds) {
      w.close();
    }
  }
}
