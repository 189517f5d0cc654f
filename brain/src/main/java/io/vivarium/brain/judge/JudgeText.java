package io.vivarium.brain.judge;

import io.vivarium.brain.TrainedFor;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The evaluator's input format and the mark its brain file carries. The brain reads the bytes
 * {@code question \n prompt \n answer \n} and predicts the next byte; P(yes) is the softmax over
 * the two bytes {@code 'y'} and {@code 'n'} only. Text longer than the brain's block is cut from
 * the left of the prompt, so the question and the answer stay whole; an answer that alone does
 * not fit beside the question keeps its last bytes and the prompt is left out.
 *
 * <p>An evaluator's brain file records {@code preset=evaluator} and the encoding
 * {@value #ENCODING} in its trained-for section; its world is the world whose answers it judges.
 *
 * <p>Stateless and thread-safe.
 */
public final class JudgeText {
  /** The byte read as "yes". */
  public static final int YES = 'y';
  /** The byte read as "no". */
  public static final int NO = 'n';
  /** The trained-for preset of every evaluator brain. */
  public static final String PRESET = "evaluator";
  /** The trained-for encoding of this format. */
  public static final String ENCODING = "yes-no:question/prompt/answer/v1";

  private JudgeText() {}

  /**
   * The bytes the brain reads for one question about {@code answer} to {@code prompt}, at most
   * {@code block} of them.
   *
   * @throws IllegalArgumentException when the question takes half the block or more
   */
  public static byte[] encode(String question, String prompt, String answer, int block) {
    byte[] q = line(question);
    byte[] p = line(prompt);
    byte[] a = line(answer);
    if (2 * q.length >= block) {
      throw new IllegalArgumentException("an evaluator question must take less than half the brain's block of "
          + block + " bytes; got " + q.length + " bytes: shorten the question or use a brain with a longer block");
    }
    int room = block - q.length;
    if (a.length >= room) {
      return concat(q, Arrays.copyOfRange(a, a.length - room, a.length));
    }
    int keep = Math.min(p.length, room - a.length);
    return concat(q, Arrays.copyOfRange(p, p.length - keep, p.length), a);
  }

  /** What an evaluator of {@code world}'s answers was trained for. */
  public static TrainedFor trainedFor(String world) {
    return new TrainedFor(world, PRESET, ENCODING);
  }

  /** Whether {@code t} marks an evaluator of this format. */
  public static boolean isEvaluator(TrainedFor t) {
    return PRESET.equals(t.preset()) && ENCODING.equals(t.encoding());
  }

  /**
   * Checks that a brain file's trained-for section (empty when it records none) marks an
   * evaluator; {@code source} names the file in the error.
   *
   * @throws IllegalArgumentException naming what the file holds and how to make an evaluator
   */
  public static void requireEvaluator(Optional<TrainedFor> trainedFor, String source) {
    if (trainedFor.isEmpty() || !isEvaluator(trainedFor.get())) {
      throw new IllegalArgumentException(source + " is not an evaluator brain (it was trained for "
          + trainedFor.map(TrainedFor::toString).orElse("nothing it recorded") + ", not preset=" + PRESET
          + " encoding=" + ENCODING + "); make one with 'vivarium train evaluator'");
    }
  }

  private static byte[] line(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    byte[] out = Arrays.copyOf(b, b.length + 1);
    out[b.length] = '\n';
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
