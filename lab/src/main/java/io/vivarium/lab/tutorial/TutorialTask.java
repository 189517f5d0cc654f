package io.vivarium.lab.tutorial;

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
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One of the gold world's tutorials as brain examples. {@code qa}: the grid as one patch per
 * cell, then the prompt {@code <bos> <text> question <sep>}, answer the exact words;
 * {@code describe}: the grid's patches, {@code <bos> <sep>}, answer the sentence; {@code line}: the room's picture in patches, target
 * the picture with the line from the agent to the nearest gold. Training batch k comes from
 * seed {@code derive(seed, "tutorial-train", k)}; held-out examples from
 * {@code derive(evalSeed, "tutorial-held-out")}. Immutable; thread-safe.
 *
 * @param <E> the example type
 */
public record TutorialTask<E>(String name, GoldPreset preset, Generator<E> generator, Function<TorchBrain, Tutor<E>> tutor) {
  /** The task names. */
  public static final List<String> NAMES = List.of("qa", "line", "describe");

  /** Makes {@code n} examples from {@code seed}. */
  public interface Generator<E> {
    List<E> make(long seed, int n);
  }

  /** The task {@code name} on {@code preset} for brains of {@code shape}. */
  public static TutorialTask<?> of(String name, String preset, BrainShape shape) {
    GoldPreset p = GoldPresets.get(preset);
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "qa" -> new TutorialTask<TextExample>("qa", fitting(p, shape), (seed, n) -> qa(p, shape.patch(), seed, n),
          b -> new TextTutor(b, 1.0));
      case "describe" -> new TutorialTask<TextExample>("describe", fitting(p, shape),
          (seed, n) -> describe(p, shape.patch(), seed, n), b -> new TextTutor(b, 1.0));
      case "line" -> new TutorialTask<PictureExample>("line", p, (seed, n) -> line(p, shape, seed, n),
          b -> new PictureTutor(b, 1.0, 10));
      default -> throw new IllegalArgumentException("unknown tutorial '" + name + "'; known tutorials: "
          + String.join(", ", NAMES));
    };
  }

  /** {@code p} if its grid fits the brain's patch grid (one patch a cell) and a patch can mark every cell kind. */
  private static GoldPreset fitting(GoldPreset p, BrainShape shape) {
    if (Math.max(p.gridWidth(), p.gridHeight()) > shape.grid()) {
      throw new IllegalArgumentException("the " + p.name() + " grid (" + p.gridWidth() + "x" + p.gridHeight()
          + " cells) does not fit the brain's patch grid of " + shape.grid() + "x" + shape.grid()
          + " (one patch a cell); use a preset whose room is at most " + (shape.grid() - 2) + " cells a side");
    }
    if (shape.patchValues() <= KINDS.length) {
      throw new IllegalArgumentException("a patch of " + shape.patchValues() + " values cannot mark the "
          + (KINDS.length + 1) + " kinds of cell; use brain patches of side 2 or more");
    }
    return p;
  }

  /** Training batch {@code k} of size {@code n}. */
  List<E> batch(long seed, int k, int n) {
    return generator.make(Seeds.derive(seed, "tutorial-train", k), n);
  }

  /** The held-out examples of evaluation seed {@code evalSeed}. */
  List<E> heldOut(long evalSeed, int n) {
    return generator.make(Seeds.derive(evalSeed, "tutorial-held-out"), n);
  }

  /**
   * Scores {@code brain} on {@code n} held-out examples of evaluation seed {@code evalSeed}; the
   * lines {@code examples: N} and {@code metric: X} (see {@link #report}) go to {@code out}.
   */
  public static void evaluate(String name, String preset, TorchBrain brain, long evalSeed, int n,
      Consumer<String> out) {
    score(of(name, preset, brain.shape()), brain, evalSeed, n, out);
  }

  private static <E> void score(TutorialTask<E> t, TorchBrain brain, long evalSeed, int n, Consumer<String> out) {
    List<E> held = t.heldOut(evalSeed, n);
    int longest = longest(held);
    if (longest > brain.shape().block()) {
      throw new IllegalArgumentException("the " + t.name() + " examples need " + longest + " tokens but the brain's "
          + "block is " + brain.shape().block() + "; evaluate a brain trained with 'vivarium train tutorial "
          + t.name() + "'");
    }
    try (Tutor<E> tutor = t.tutor().apply(brain)) {
      out.accept("examples: " + held.size());
      t.report(tutor, held, evalSeed, out);
    }
  }

  /**
   * Reports {@code metric: X} on {@code held} (the held-out examples of {@code evalSeed}), then for
   * {@code qa} one {@code metric_template: X} line per question template, so a plateau can be
   * traced to the questions the brain has not learned.
   */
  void report(Tutor<E> tutor, List<E> held, long evalSeed, Consumer<String> out) {
    out.accept(String.format(Locale.ROOT, "%s: %.4f", tutor.metric(), tutor.score(held)));
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
    groups.forEach((template, examples) -> out.accept(String.format(Locale.ROOT, "%s_%s: %.4f (%d)", tutor.metric(),
        template, tutor.score(examples), examples.size())));
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

  private static List<TextExample> qa(GoldPreset p, int side, long seed, int n) {
    List<TextExample> out = new ArrayList<>(n);
    for (GoldTutorials.QaExample e : GoldTutorials.qa(p, seed, n)) {
      out.add(new TextExample(prompt(e.scene(), e.question(), side), ascii(e.answer())));
    }
    return out;
  }

  private static List<TextExample> describe(GoldPreset p, int side, long seed, int n) {
    List<TextExample> out = new ArrayList<>(n);
    for (GoldTutorials.DescribeExample e : GoldTutorials.describe(p, seed, n)) {
      out.add(new TextExample(prompt(e.scene(), null, side), ascii(e.sentence())));
    }
    return out;
  }

  /**
   * The scene's grid as one patch per cell ({@link #cellPatches}), then {@code <bos> [<text>
   * question] <sep>}, all prefix. Patches carry learned 2-D positions, so a cell's row and
   * column reach the brain directly; as a row of tokens the grid gave only a 1-D position, and
   * questions that need distances (how many steps?) were not learned (see docs/learning.md).
   */
  static BrainInput prompt(GoldScene scene, String question, int side) {
    byte[] q = question == null ? new byte[0] : ascii(question);
    int len = 1 + (question == null ? 0 : 1 + q.length) + 1;
    int[] tokens = new int[len];
    byte[] channels = new byte[len];
    java.util.Arrays.fill(channels, (byte) Channel.TEXT.ordinal());
    int k = 0;
    tokens[k++] = Vocabulary.BOS;
    if (question != null) {
      tokens[k++] = Vocabulary.marker(Channel.TEXT);
      for (byte b : q) {
        tokens[k++] = Vocabulary.token(b);
      }
    }
    tokens[k] = Vocabulary.SEP;
    return new BrainInput(tokens, channels, len, cellPatches(scene, side));
  }

  /** The cell kinds a patch marks: floor, wall, gold, the agent facing north, east, south, west; then anything else. */
  private static final byte[] KINDS = {'.', '#', 'G', '^', '>', 'v', '<'};

  /**
   * The symbolic grid as patches of side {@code side}, one per cell at the cell's row and column:
   * value {@code k} is 1 for a cell of kind {@code KINDS[k]} (the last value for any other), the
   * rest 0.
   */
  static Patches cellPatches(GoldScene scene, int side) {
    int per = side * side * 3;
    int w = scene.gridWidth();
    int h = scene.gridHeight();
    byte[] cells = scene.cells();
    float[] values = new float[w * h * per];
    int[] rows = new int[w * h];
    int[] cols = new int[w * h];
    for (int i = 0; i < w * h; i++) {
      rows[i] = i / w;
      cols[i] = i % w;
      int kind = per - 1;
      for (int k = 0; k < KINDS.length; k++) {
        kind = cells[i] == KINDS[k] ? k : kind;
      }
      values[i * per + kind] = 1f;
    }
    return new Patches(side, values, rows, cols);
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
