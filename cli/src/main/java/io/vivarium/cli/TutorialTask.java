package io.vivarium.cli;

import io.vivarium.brain.BrainInput;
import io.vivarium.brain.BrainShape;
import io.vivarium.brain.Patches;
import io.vivarium.brain.TorchBrain;
import io.vivarium.brain.tutor.PictureExample;
import io.vivarium.brain.tutor.PictureTutor;
import io.vivarium.brain.tutor.TextExample;
import io.vivarium.brain.tutor.TextTutor;
import io.vivarium.brain.tutor.Tutor;
import io.vivarium.core.Channel;
import io.vivarium.core.Seeds;
import io.vivarium.core.Vocabulary;
import io.vivarium.worlds.gold.GoldPreset;
import io.vivarium.worlds.gold.GoldPresets;
import io.vivarium.worlds.gold.GoldRenderer;
import io.vivarium.worlds.gold.GoldScene;
import io.vivarium.worlds.gold.GoldTutorials;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One of the gold world's tutorials as brain examples. {@code qa}: prompt {@code <bos> <video> grid
 * <text> question <sep>}, answer the exact words; {@code describe}: prompt {@code <bos>
 * <video> grid <sep>}, answer the sentence; {@code line}: the room's picture in patches, target
 * the picture with the line from the agent to the nearest gold. Training batch k comes from
 * seed {@code derive(seed, "tutorial-train", k)}; held-out examples from
 * {@code derive(evalSeed, "tutorial-held-out")}. Immutable; thread-safe.
 *
 * @param <E> the example type
 */
record TutorialTask<E>(String name, GoldPreset preset, Generator<E> generator, Function<TorchBrain, Tutor<E>> tutor) {
  /** The task names. */
  static final List<String> NAMES = List.of("qa", "line", "describe");

  /** Makes {@code n} examples from {@code seed}. */
  interface Generator<E> {
    List<E> make(long seed, int n);
  }

  /** The task {@code name} on {@code preset} for brains of {@code shape}. */
  static TutorialTask<?> of(String name, String preset, BrainShape shape) {
    GoldPreset p = GoldPresets.get(preset);
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "qa" -> new TutorialTask<TextExample>("qa", p, (seed, n) -> qa(p, seed, n), b -> new TextTutor(b, 1.0));
      case "describe" -> new TutorialTask<TextExample>("describe", p, (seed, n) -> describe(p, seed, n),
          b -> new TextTutor(b, 1.0));
      case "line" -> new TutorialTask<PictureExample>("line", p, (seed, n) -> line(p, shape, seed, n),
          b -> new PictureTutor(b, 1.0, 10));
      default -> throw new IllegalArgumentException("unknown tutorial '" + name + "'; known tutorials: "
          + String.join(", ", NAMES));
    };
  }

  /** Training batch {@code k} of size {@code n}. */
  List<E> batch(long seed, int k, int n) {
    return generator.make(Seeds.derive(seed, "tutorial-train", k), n);
  }

  /** The held-out examples of evaluation seed {@code evalSeed}. */
  List<E> heldOut(long evalSeed, int n) {
    return generator.make(Seeds.derive(evalSeed, "tutorial-held-out"), n);
  }

  /** Scores {@code brain} on {@code n} held-out examples of evaluation seed {@code evalSeed}; prints {@code metric: X}. */
  static void evaluate(String name, String preset, TorchBrain brain, long evalSeed, int n, java.io.PrintWriter out) {
    score(of(name, preset, brain.shape()), brain, evalSeed, n, out);
  }

  private static <E> void score(TutorialTask<E> t, TorchBrain brain, long evalSeed, int n, java.io.PrintWriter out) {
    List<E> held = t.heldOut(evalSeed, n);
    int longest = longest(held);
    if (longest > brain.shape().block()) {
      throw new IllegalArgumentException("the " + t.name() + " examples need " + longest + " tokens but the brain's "
          + "block is " + brain.shape().block() + "; evaluate a brain trained with 'vivarium train tutorial "
          + t.name() + "'");
    }
    try (Tutor<E> tutor = t.tutor().apply(brain)) {
      out.printf(Locale.ROOT, "examples: %d%n", held.size());
      t.report(tutor, held, evalSeed, out);
    }
  }

  /**
   * Prints {@code metric: X} on {@code held} (the held-out examples of {@code evalSeed}), then for
   * {@code qa} one {@code metric_template: X} line per question template, so a plateau can be
   * traced to the questions the brain has not learned.
   */
  void report(Tutor<E> tutor, List<E> held, long evalSeed, java.io.PrintWriter out) {
    out.printf(Locale.ROOT, "%s: %.4f%n", tutor.metric(), tutor.score(held));
    if (!name.equals("qa")) {
      return;
    }
    java.util.Map<String, List<E>> groups = new java.util.TreeMap<>();
    List<GoldTutorials.QaExample> asked = GoldTutorials.qa(preset, Seeds.derive(evalSeed, "tutorial-held-out"),
        held.size());
    for (int i = 0; i < held.size(); i++) {
      groups.computeIfAbsent(asked.get(i).template().name().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(held.get(i));
    }
    groups.forEach((template, examples) -> out.printf(Locale.ROOT, "%s_%s: %.4f (%d)%n", tutor.metric(), template,
        tutor.score(examples), examples.size()));
  }

  /** The longest token sequence among {@code examples} (0 for pictures, which use one token). */
  static int longest(List<?> examples) {
    int max = 0;
    for (Object e : examples) {
      if (e instanceof TextExample t) {
        max = Math.max(max, t.input().tokens().length);
      }
    }
    return max;
  }

  private static List<TextExample> qa(GoldPreset p, long seed, int n) {
    List<TextExample> out = new ArrayList<>(n);
    for (GoldTutorials.QaExample e : GoldTutorials.qa(p, seed, n)) {
      out.add(new TextExample(prompt(e.scene(), e.question()), ascii(e.answer())));
    }
    return out;
  }

  private static List<TextExample> describe(GoldPreset p, long seed, int n) {
    List<TextExample> out = new ArrayList<>(n);
    for (GoldTutorials.DescribeExample e : GoldTutorials.describe(p, seed, n)) {
      out.add(new TextExample(prompt(e.scene(), null), ascii(e.sentence())));
    }
    return out;
  }

  /** {@code <bos> <video> grid [<text> question] <sep>}, all prefix. */
  static BrainInput prompt(GoldScene scene, String question) {
    byte[] grid = scene.cells();
    byte[] q = question == null ? new byte[0] : ascii(question);
    int len = 2 + grid.length + (question == null ? 0 : 1 + q.length) + 1;
    int[] tokens = new int[len];
    byte[] channels = new byte[len];
    int k = 0;
    tokens[k] = Vocabulary.BOS;
    channels[k++] = (byte) Channel.TEXT.ordinal();
    tokens[k] = Vocabulary.marker(Channel.VIDEO);
    channels[k++] = (byte) Channel.VIDEO.ordinal();
    for (byte b : grid) {
      tokens[k] = Vocabulary.token(b);
      channels[k++] = (byte) Channel.VIDEO.ordinal();
    }
    if (question != null) {
      tokens[k] = Vocabulary.marker(Channel.TEXT);
      channels[k++] = (byte) Channel.TEXT.ordinal();
      for (byte b : q) {
        tokens[k] = Vocabulary.token(b);
        channels[k++] = (byte) Channel.TEXT.ordinal();
      }
    }
    tokens[k] = Vocabulary.SEP;
    channels[k] = (byte) Channel.TEXT.ordinal();
    return new BrainInput(tokens, channels, len, Patches.none(1));
  }

  private static List<PictureExample> line(GoldPreset p, BrainShape shape, long seed, int n) {
    int cells = Math.max(p.gridWidth(), p.gridHeight());
    int pixels = Math.min(p.pixelsPerCell(), shape.grid() * shape.patch() / cells);
    if (pixels < 1) {
      throw new IllegalArgumentException("the " + p.name() + " room (" + cells + " cells a side) does not fit a "
          + "brain grid of " + shape.grid() + " patches of " + shape.patch() + " pixels; use a smaller preset");
    }
    GoldRenderer renderer = new GoldRenderer(pixels);
    List<PictureExample> out = new ArrayList<>(n);
    for (GoldTutorials.LineExample e : GoldTutorials.line(p, seed, n, renderer)) {
      out.add(new PictureExample(Patches.of(e.picture(), shape.patch()), Patches.of(e.target(), shape.patch())));
    }
    return out;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
