package io.vivarium.worlds.gold;

/**
 * The question templates of the {@code qa} tutorial, each with several phrasings and an exact
 * answer rule. Directions are in the agent's frame: "ahead" is along its heading, "right" is
 * to its right hand. {@link #answer} returns {@code null} when a scene has no single correct
 * answer (a tie), and such a question is not asked.
 */
public enum Question {
  /** ahead / behind / left / right: the larger of the forward and sideways offsets wins. */
  DIRECTION("where is the gold?", "where is the gold relative to where you are facing?",
      "in which direction is the gold, seen from the agent?"),
  /** yes when the gold is strictly on the agent's left-hand side. */
  LEFT("is the gold to the left?", "is the gold on your left?", "is the gold left of the agent?"),
  /** the expert's number of steps to the nearest gold. */
  STEPS("how many steps to the gold?", "how many moves does it take to reach the gold?",
      "what is the fewest actions needed to get to the gold?"),
  /** toward when the gold is ahead of the agent's position, away when behind. */
  FACING("is the agent facing toward or away from the gold?",
      "are you facing toward the gold or away from it?", "does the agent face toward the gold or away?"),
  /** top left / top right / bottom left / bottom right: the room corner nearest the gold. */
  CORNER("which corner is nearest the gold?", "what corner of the room is the gold closest to?",
      "the gold is nearest to which corner?"),
  /** the number of gold pieces left. */
  COUNT("how many gold pieces are left?", "how much gold is left?", "how many pieces of gold remain?"),
  /** north / east / south / west (north is up in the picture). */
  HEADING("which way is the agent facing?", "what direction are you facing?",
      "where does the agent point?");

  private final String[] phrasings;

  Question(String... phrasings) {
    this.phrasings = phrasings;
  }

  /** The ways this question is asked. */
  public String[] phrasings() {
    return phrasings.clone();
  }

  /** The exact answer for {@code scene}, or {@code null} when the scene makes it ambiguous. */
  public String answer(GoldScene scene) {
    if (this == COUNT) {
      return Integer.toString(scene.goldLeft());
    }
    if (this == HEADING) {
      return Cell.headingName(scene.heading());
    }
    if (scene.goldLeft() == 0) {
      return null;
    }
    if (this == STEPS) {
      return Integer.toString(GoldExpert.stepsToNearestGold(scene));
    }
    int gold = nearestGold(scene, false);
    if (gold < 0) {
      return null;
    }
    int gw = scene.gridWidth();
    if (this == CORNER) {
      return corner(scene, gold % gw, gold / gw);
    }
    int a = scene.agentCell();
    int dx = gold % gw - a % gw;
    int dy = gold / gw - a / gw;
    int h = scene.heading();
    int r = Cell.right(h);
    int ahead = dx * Cell.DX[h] + dy * Cell.DY[h];
    int right = dx * Cell.DX[r] + dy * Cell.DY[r];
    return switch (this) {
      case DIRECTION -> Math.abs(ahead) == Math.abs(right) ? null
          : Math.abs(ahead) > Math.abs(right) ? (ahead > 0 ? "ahead" : "behind")
          : (right > 0 ? "right" : "left");
      case LEFT -> right < 0 ? "yes" : "no";
      case FACING -> ahead == 0 ? null : ahead > 0 ? "toward" : "away";
      default -> throw new IllegalStateException("unhandled question " + this);
    };
  }

  private static String corner(GoldScene scene, int x, int y) {
    int[] d = {
      (x - 1) + (y - 1), (scene.width() - x) + (y - 1),
      (x - 1) + (scene.height() - y), (scene.width() - x) + (scene.height() - y)
    };
    String[] names = {"top left", "top right", "bottom left", "bottom right"};
    int best = 0;
    boolean tie = false;
    for (int k = 1; k < 4; k++) {
      if (d[k] < d[best]) {
        best = k;
        tie = false;
      } else if (d[k] == d[best]) {
        tie = true;
      }
    }
    return tie ? null : names[best];
  }

  /**
   * The gold cell nearest the agent by Manhattan distance; on a tie, the first in row-major
   * order when {@code firstOnTie}, else -1.
   */
  static int nearestGold(GoldScene scene, boolean firstOnTie) {
    int gw = scene.gridWidth();
    int a = scene.agentCell();
    int best = -1;
    int bestDistance = Integer.MAX_VALUE;
    boolean tie = false;
    for (int g : scene.goldCells()) {
      int d = Math.abs(g % gw - a % gw) + Math.abs(g / gw - a / gw);
      if (d < bestDistance) {
        best = g;
        bestDistance = d;
        tie = false;
      } else if (d == bestDistance) {
        tie = true;
      }
    }
    return tie && !firstOnTie ? -1 : best;
  }
}
