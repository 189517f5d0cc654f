package io.vivarium.colony.runtime;

import io.vivarium.core.Channel;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.Step;
import io.vivarium.core.world.TextExpert;
import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldFactory;
import io.vivarium.core.world.Worlds;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A test world registered for the colony's tests ({@code copy}): the text shows a random word of
 * 3 to 5 letters, the agent writes it back (reward 1 for the word exactly, 0 otherwise), one step
 * an episode; its batches know the word ({@link TextExpert}). Stateless; its worlds are not
 * thread-safe.
 */
public final class CopyWorldFactory implements WorldFactory {
  static final Spec SPEC = new Spec("copy", "copy", Map.of(Channel.TEXT, 12), 0, 0, Channel.TEXT, 8, new byte[0], 1);

  @Override
  public String name() {
    return "copy";
  }

  @Override
  public String description() {
    return "a test world: write back the word the text shows";
  }

  @Override
  public List<String> presets() {
    return List.of("copy");
  }

  @Override
  public World create(String preset) {
    if (!preset.equals("copy")) {
      throw Worlds.unknownPreset(name(), preset, presets());
    }
    return new Copy();
  }

  @Override
  public WorldBatch batch(String preset, int size) {
    create(preset);
    return new Batch(size);
  }

  /** One copy world. */
  static final class Copy implements World {
    byte[] word = new byte[0];

    @Override
    public Spec spec() {
      return SPEC;
    }

    @Override
    public Observation reset(long seed) {
      SplittableRandom rng = new SplittableRandom(seed);
      word = new byte[3 + rng.nextInt(3)];
      for (int j = 0; j < word.length; j++) {
        word[j] = (byte) ('a' + rng.nextInt(26));
      }
      String w = new String(word, StandardCharsets.US_ASCII);
      return Observation.of(Channel.TEXT, ("say " + w + " ".repeat(5 - w.length()) + " ?")
          .getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public Step step(Action action) {
      double reward = Arrays.equals(action.text(), word) ? 1 : 0;
      return new Step(Observation.of(Channel.TEXT, new byte[0]), reward, true, false, Map.of());
    }
  }

  /** A serial batch of copy worlds that knows every instance's word. */
  static final class Batch implements WorldBatch, TextExpert {
    private final Copy[] worlds;
    private final WorldBatch inner;

    Batch(int size) {
      worlds = new Copy[size];
      int[] next = {0};
      inner = WorldBatch.of(() -> worlds[next[0]++] = new Copy(), size);
    }

    @Override
    public byte[] expertText(int i) {
      return worlds[i].word.clone();
    }

    @Override
    public Spec spec() {
      return inner.spec();
    }

    @Override
    public int size() {
      return inner.size();
    }

    @Override
    public void reset(long seed) {
      inner.reset(seed);
    }

    @Override
    public void reset(long seed, int group) {
      inner.reset(seed, group);
    }

    @Override
    public void step(Action[] actions) {
      inner.step(actions);
    }

    @Override
    public Observation observation(int i) {
      return inner.observation(i);
    }

    @Override
    public float[] rewards() {
      return inner.rewards();
    }

    @Override
    public boolean[] terminated() {
      return inner.terminated();
    }

    @Override
    public boolean[] truncated() {
      return inner.truncated();
    }
  }
}
