package io.vivarium.lab.gold;

import io.vivarium.worlds.gold.GoldConsole;
import io.vivarium.worlds.gold.GoldPreset;
import io.vivarium.worlds.gold.GoldPresets;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * The gold world shown to people, by preset name, so that {@code vivarium world gold} and
 * {@code vivarium replay} need no class of the world itself: the expert's episode as ASCII
 * frames, a game played from key presses, the start picture as PNG, tutorial questions, and
 * any recorded picture as PNG.
 *
 * <p>Immutable; each call builds its own world, so an instance may be shared between threads
 * (playing reads the given stream, which is the caller's to share or not).
 */
public final class GoldViews {
  private final GoldPreset preset;
  private final long seed;

  private GoldViews(GoldPreset preset, long seed) {
    this.preset = preset;
    this.seed = seed;
  }

  /** Views of episodes of gold preset {@code preset} from {@code seed}; an unknown preset lists the known ones. */
  public static GoldViews of(String preset, long seed) {
    return new GoldViews(GoldPresets.get(preset), seed);
  }

  /** Prints the expert's episode: one ASCII frame per step, then its return against the optimal one. */
  public void expertEpisode(PrintWriter out) {
    GoldConsole.expertEpisode(preset, seed, out);
  }

  /**
   * Lets a person play from {@code in} ({@code l r f} or the arrow keys, {@code q} quits) and
   * returns the total reward; the caller puts a terminal in raw mode for single key presses.
   */
  public double play(InputStream in, PrintWriter out) throws IOException {
    return GoldConsole.play(preset, seed, in, out);
  }

  /** Writes the episode's start picture to {@code file} as PNG. */
  public void writeStartPng(Path file) throws IOException {
    GoldConsole.writePng(preset, seed, file);
  }

  /** Prints {@code n} tutorial questions with their answers, each after its scene. */
  public void qa(int n, PrintWriter out) {
    GoldConsole.qa(preset, seed, n, out);
  }

}
