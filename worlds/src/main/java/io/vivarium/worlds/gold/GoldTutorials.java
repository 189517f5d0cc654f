package io.vivarium.worlds.gold;

import io.vivarium.core.Seeds;
import io.vivarium.core.world.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Seed 001's "tricks" as datasets with exact targets: {@code qa} (questions about the scene,
 * see {@link Question}), {@code line} (the picture with a line from agent to gold) and
 * {@code describe} (one sentence about the scene).
 *
 * <p>"The gold" means the gold nearest the agent by Manhattan distance; questions whose answer
 * would depend on a tie are not asked of that scene. Stateless; thread-safe.
 */
public final class GoldTutorials {
  private GoldTutorials() {}

  /** A question about a scene with its exact answer. */
  public record QaExample(GoldScene scene, Question template, String question, String answer) {
    public QaExample {
      Objects.requireNonNull(scene, "scene");
      Objects.requireNonNull(template, "template");
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(answer, "answer");
    }
  }

  /** A scene's picture and the same picture with the line drawn: the target. */
  public record LineExample(GoldScene scene, Image picture, Image target) {}

  /** A scene and its one-sentence description. */
  public record DescribeExample(GoldScene scene, String sentence) {}

  /** {@code n} questions on scenes of {@code preset}; scene {@code k} from {@code derive(seed, "qa", k)}. */
  public static List<QaExample> qa(GoldPreset preset, long seed, int n) {
    List<QaExample> out = new ArrayList<>(n);
    SplittableRandom rng = Seeds.random(seed, "qa-questions", 0);
    for (GoldScene scene : scenes(preset, seed, "qa", n)) {
      out.add(qa(scene, rng));
    }
    return out;
  }

  /** One question about {@code scene}: a random template among those it answers, a random phrasing. */
  public static QaExample qa(GoldScene scene, SplittableRandom rng) {
    Question[] all = Question.values();
    int first = rng.nextInt(all.length);
    for (int k = 0; k < all.length; k++) {
      Question q = all[(first + k) % all.length];
      String answer = q.answer(scene);
      if (answer != null) {
        String[] phrasings = q.phrasings();
        return new QaExample(scene, q, phrasings[rng.nextInt(phrasings.length)], answer);
      }
    }
    throw new IllegalStateException("no question answers this scene:\n" + scene.ascii());
  }

  /** {@code n} line examples on scenes of {@code preset}. */
  public static List<LineExample> line(GoldPreset preset, long seed, int n) {
    return line(preset, seed, n, new GoldRenderer(preset.pixelsPerCell()));
  }

  /** {@code n} line examples on scenes of {@code preset}, drawn by {@code renderer} (e.g. smaller cells). */
  public static List<LineExample> line(GoldPreset preset, long seed, int n, GoldRenderer renderer) {
    List<LineExample> out = new ArrayList<>(n);
    for (GoldScene scene : scenes(preset, seed, "line", n)) {
      out.add(line(scene, renderer));
    }
    return out;
  }

  /** The line example of one scene: to the nearest gold (the first in row-major order on ties). */
  public static LineExample line(GoldScene scene, GoldRenderer renderer) {
    int target = Question.nearestGold(scene, true);
    if (target < 0) {
      throw new IllegalArgumentException("a line needs gold in the scene; this one has none:\n" + scene.ascii());
    }
    return new LineExample(scene, renderer.render(scene), renderer.renderLine(scene, target));
  }

  /** {@code n} scene descriptions. */
  public static List<DescribeExample> describe(GoldPreset preset, long seed, int n) {
    List<DescribeExample> out = new ArrayList<>(n);
    for (GoldScene scene : scenes(preset, seed, "describe", n)) {
      out.add(new DescribeExample(scene, describe(scene)));
    }
    return out;
  }

  /**
   * One sentence about the scene, e.g. "A 6 by 6 room with no inner walls; the agent is at
   * column 2, row 3 facing east; the gold is at column 5, row 1, 6 steps away." Columns and
   * rows count from 1 at the top-left free cell.
   */
  public static String describe(GoldScene scene) {
    int walls = 0;
    for (int y = 1; y <= scene.height(); y++) {
      for (int x = 1; x <= scene.width(); x++) {
        walls += scene.at(x, y) == Cell.WALL ? 1 : 0;
      }
    }
    int gw = scene.gridWidth();
    int a = scene.agentCell();
    StringBuilder b = new StringBuilder()
        .append("A ").append(scene.width()).append(" by ").append(scene.height()).append(" room")
        .append(walls == 0 ? " with no inner walls" : " with " + walls + " inner wall cell" + (walls == 1 ? "" : "s"))
        .append("; the agent is at column ").append(a % gw).append(", row ").append(a / gw)
        .append(" facing ").append(Cell.headingName(scene.heading()));
    int left = scene.goldLeft();
    int steps = GoldExpert.stepsToNearestGold(scene);
    if (left == 0) {
      b.append("; no gold is left.");
    } else if (left == 1) {
      int g = scene.goldCells()[0];
      b.append("; the gold is at column ").append(g % gw).append(", row ").append(g / gw)
          .append(", ").append(steps).append(steps == 1 ? " step" : " steps").append(" away.");
    } else {
      b.append("; ").append(left).append(" gold pieces are left, the nearest ").append(steps)
          .append(steps == 1 ? " step" : " steps").append(" away.");
    }
    return b.toString();
  }

  /**
   * Scenes for a dataset: scene {@code k} is a fresh episode from {@code derive(seed, label, k)}
   * played on by the expert for a random number of steps (at most half its plan), so that
   * headings, distances and gold counts vary.
   */
  static List<GoldScene> scenes(GoldPreset preset, long seed, String label, int n) {
    if (n < 0) {
      throw new IllegalArgumentException(label + " examples must be 0 or more; got " + n);
    }
    List<GoldScene> out = new ArrayList<>(n);
    try (GoldWorld world = new GoldWorld(preset)) {
      for (int k = 0; k < n; k++) {
        long s = Seeds.derive(seed, label, k);
        world.reset(s);
        byte[] plan = GoldExpert.plan(world.scene());
        int play = new SplittableRandom(s).nextInt(plan.length / 2 + 1);
        for (int j = 0; j < play; j++) {
          world.step(plan[j]);
        }
        out.add(world.scene());
      }
    }
    return out;
  }
}
