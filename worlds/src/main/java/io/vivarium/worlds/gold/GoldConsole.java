package io.vivarium.worlds.gold;

import io.vivarium.core.world.Png;

import io.vivarium.core.world.Image;
import io.vivarium.core.world.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The terminal side of the gold world, kept free of any CLI library so that the
 * {@code vivarium world gold} command is a few lines: an expert episode as ASCII frames, a
 * human playing with keys, the start picture as PNG, tutorial questions.
 *
 * <p>Stateless; thread-safe.
 */
public final class GoldConsole {
  private GoldConsole() {}

  /** Prints the expert's episode from {@code seed}: one ASCII frame per step. */
  public static void expertEpisode(GoldPreset preset, long seed, PrintWriter out) {
    try (GoldWorld world = new GoldWorld(preset)) {
      world.reset(seed);
      double optimal = GoldExpert.optimalReturn(world.scene());
      out.print(frame(world.scene(), "start", 0));
      byte[] plan = GoldExpert.plan(world.scene());
      double total = 0;
      for (byte a : plan) {
        Step s = world.step(a);
        total += s.reward();
        out.print(frame(world.scene(), "action " + (char) a, s.reward()));
        if (s.done()) {
          break;
        }
      }
      out.printf("return %.4f (optimal %.4f) in %d steps%n", total, optimal, world.scene().steps());
    }
  }

  /**
   * Lets a person play from {@code in}: {@code l r f} (any case) or the arrow keys (left, right,
   * up = forward); {@code q} or the end of input quits. Other keys are ignored. Returns the
   * total reward. The terminal should be in raw mode for single key presses; in line mode keys
   * take effect at Enter.
   */
  public static double play(GoldPreset preset, long seed, InputStream in, PrintWriter out)
      throws IOException {
    try (GoldWorld world = new GoldWorld(preset)) {
      world.reset(seed);
      out.print(frame(world.scene(), "L/R/F or arrows, q quits", 0));
      out.flush();
      double total = 0;
      long episode = 0;
      for (int c = in.read(); c >= 0 && c != 'q' && c != 'Q'; c = in.read()) {
        byte action = key(c, in);
        if (action == 0) {
          continue;
        }
        Step s = world.step(action);
        total += s.reward();
        String status = s.terminated() ? "all gold eaten! new room"
            : s.truncated() ? "out of steps; new room" : "action " + (char) action;
        if (s.done()) {
          world.reset(seed + ++episode);
        }
        out.print(frame(world.scene(), status, s.reward()));
        out.flush();
      }
      out.printf("total reward %.4f%n", total);
      out.flush();
      return total;
    }
  }

  private static byte key(int c, InputStream in) throws IOException {
    if (c == 0x1B) { // ESC [ A|C|D: up, right, left
      if (in.read() != '[') {
        return 0;
      }
      return switch (in.read()) {
        case 'A' -> 'F';
        case 'C' -> 'R';
        case 'D' -> 'L';
        default -> 0;
      };
    }
    return switch (Character.toUpperCase(c)) {
      case 'L' -> 'L';
      case 'R' -> 'R';
      case 'F' -> 'F';
      default -> 0;
    };
  }

  /** One ASCII frame with a status line. */
  public static String frame(GoldScene scene, String status, double reward) {
    return scene.ascii() + String.format("step %d/%d · gold left %d · reward %.4f · %s%n%n",
        scene.steps(), scene.maxSteps(), scene.goldLeft(), reward, status);
  }

  /** Writes the start picture of the episode from {@code seed} as a PNG file. */
  public static void writePng(GoldPreset preset, long seed, Path file) throws IOException {
    try (GoldWorld world = new GoldWorld(preset)) {
      world.reset(seed);
      Image image = new GoldRenderer(preset.pixelsPerCell()).render(world.scene());
      Png.write(image, file);
    }
  }

  /** Prints {@code n} tutorial questions with their answers, each after its scene. */
  public static void qa(GoldPreset preset, long seed, int n, PrintWriter out) {
    for (GoldTutorials.QaExample e : GoldTutorials.qa(preset, seed, n)) {
      out.print(e.scene().ascii());
      out.println("Q: " + e.question());
      out.println("A: " + e.answer());
      out.println();
    }
  }
}
