package io.vivarium.brain.learn;

import io.vivarium.brain.BrainInput;
import io.vivarium.brain.Sampling;
import io.vivarium.brain.TorchBrain;
import io.vivarium.core.Channel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Continues a text prompt with a language-model brain; what {@code vivarium sample} runs.
 * The prompt is read causally, as in {@link LmTrainer}.
 *
 * <p>Stateless and thread-safe.
 */
public final class TextSampler {
  private TextSampler() {}

  /** Loads {@code brainFile} and returns {@code prompt} followed by {@code bytes} new bytes. */
  public static byte[] sample(Path brainFile, String prompt, int bytes, double temperature,
      int topK, long seed) throws IOException {
    try (TorchBrain brain = TorchBrain.load(brainFile)) {
      return sample(brain, prompt, bytes, temperature, topK, seed);
    }
  }

  /** Continues {@code prompt} (an empty prompt starts from a newline) with {@code brain}. */
  public static byte[] sample(TorchBrain brain, String prompt, int bytes, double temperature,
      int topK, long seed) {
    byte[] p = (prompt.isEmpty() ? "\n" : prompt).getBytes(StandardCharsets.UTF_8);
    int[] tokens = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      tokens[i] = p[i] & 0xFF;
    }
    Sampling s = new Sampling(temperature, topK, bytes, -1, Channel.TEXT);
    byte[] generated =
        brain.generate(BrainInput.of(tokens, Channel.TEXT, 0), s, new SplittableRandom(seed));
    byte[] all = new byte[p.length + generated.length];
    System.arraycopy(p, 0, all, 0, p.length);
    System.arraycopy(generated, 0, all, p.length, generated.length);
    return all;
  }
}
