package io.vivarium.brain.learn;

import io.vivarium.core.Channel;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.Step;
import io.vivarium.core.world.TextExpert;
import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldBatch;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A test world of byte-sequence answers: the text shows a random word of 3 to 5 lowercase
 * letters at a fixed place ({@code "say WORD  ?"}), the agent writes up to 8 bytes, and earns the
 * share of the word's letters it wrote in place (1 for the word exactly); one step an episode.
 * Its {@link Batch} knows the answer. Not thread-safe.
 */
final class CopyWorld implements World {
  static final Spec SPEC = new Spec("copy", "copy", Map.of(Channel.TEXT, 12), 0, 0, Channel.TEXT, 8, new byte[0], 1);
  private byte[] word = new byte[0];

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
    return observe();
  }

  @Override
  public Step step(Action action) {
    byte[] said = action.text();
    int right = 0;
    for (int j = 0; j < Math.min(said.length, word.length); j++) {
      right += said[j] == word[j] ? 1 : 0;
    }
    double reward = Arrays.equals(said, word) ? 1 : right / (double) Math.max(said.length, word.length) * 0.9;
    return new Step(observe(), reward, true, false, Map.of());
  }

  private Observation observe() {
    String w = new String(word, StandardCharsets.US_ASCII);
    return Observation.of(Channel.TEXT, ("say " + w + " ".repeat(5 - w.length()) + " ?").getBytes(StandardCharsets.US_ASCII));
  }

  /** A serial batch of copy worlds whose expert writes the word; instances listed as silent have no answer. */
  static final class Batch implements WorldBatch, TextExpert {
    private final CopyWorld[] worlds;
    private final WorldBatch inner;
    private final boolean[] silent;

    Batch(int n, int... silent) {
      worlds = new CopyWorld[n];
      this.silent = new boolean[n];
      for (int i : silent) {
        this.silent[i] = true;
      }
      int[] next = {0};
      inner = WorldBatch.of(() -> worlds[next[0]++] = new CopyWorld(), n);
    }

    @Override
    public byte[] expertText(int i) {
      return silent[i] ? new byte[0] : worlds[i].word.clone();
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
