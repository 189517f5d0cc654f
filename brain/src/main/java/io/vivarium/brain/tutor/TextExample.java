package io.vivarium.brain.tutor;

import io.vivarium.brain.BrainInput;
import io.vivarium.core.Channel;
import io.vivarium.core.Vocabulary;
import java.util.Objects;

/**
 * A prompt and the exact answer the brain should generate after it, on the text channel,
 * followed by {@code <eos>}. The prompt is all prefix (attended fully), e.g.
 * {@code <bos> <video> grid… <text> question… <sep>}; the answer is the generated part.
 *
 * <p>Immutable by convention: the arrays are shared, not copied.
 *
 * @param prompt what the brain reads; every token is prefix
 * @param answer the bytes it should write
 */
public record TextExample(BrainInput prompt, byte[] answer) {
  public TextExample {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(answer, "answer");
    if (prompt.tokens().length == 0) {
      throw new IllegalArgumentException("a text example's prompt needs at least one token (e.g. <sep>); got none");
    }
    if (prompt.prefix() != prompt.tokens().length) {
      throw new IllegalArgumentException("a text example's prompt must be all prefix; got " + prompt.prefix()
          + " prefix tokens of " + prompt.tokens().length + " (build it with prefix = its length)");
    }
  }

  /** The prompt followed by the answer's bytes: what the brain reads under teacher forcing. */
  public BrainInput input() {
    BrainInput in = prompt;
    for (byte b : answer) {
      in = in.append(Vocabulary.token(b), Channel.TEXT);
    }
    return in;
  }

  /** The tokens the brain should predict from the prompt's last token on: the answer, then {@code <eos>}. */
  public int[] targets() {
    int[] t = new int[answer.length + 1];
    for (int i = 0; i < answer.length; i++) {
      t[i] = Vocabulary.token(answer[i]);
    }
    t[answer.length] = Vocabulary.EOS;
    return t;
  }
}
