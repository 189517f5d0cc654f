package io.vivarium.cli;

import io.vivarium.core.world.Worlds;
import io.vivarium.worlds.gold.GoldConsole;
import io.vivarium.worlds.gold.GoldPreset;
import io.vivarium.worlds.gold.GoldPresets;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vivarium world gold}: looks at a world from the terminal: an expert episode as ASCII
 * frames (default), a game to play ({@code --play}), the start picture ({@code --png}) or
 * tutorial questions ({@code --qa}).
 */
@Command(name = "world", mixinStandardHelpOptions = true,
    description = "Show a world in the terminal: an expert episode, a game to play, a picture or tutorial questions.")
final class WorldCommand extends VivariumCommand {
  @Parameters(index = "0", paramLabel = "WORLD", description = "The world (vivarium world gold).")
  String world;

  @Option(names = "--preset", paramLabel = "P", description = "Preset (default: the world's first).")
  String preset;

  @Option(names = "--seed", paramLabel = "S", description = "Episode seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--play", description = "Play in the terminal: L/R/F or arrow keys, q quits.")
  boolean play;

  @Option(names = "--png", paramLabel = "FILE", description = "Write the start picture as PNG.")
  Path png;

  @Option(names = "--qa", paramLabel = "N", description = "Print N tutorial questions with answers.")
  Integer qa;

  @Override
  public Integer call() throws Exception {
    Worlds.get(world); // an unknown world lists the known ones
    if (!world.equals("gold")) {
      throw new IllegalArgumentException(
          "vivarium world shows only the gold world so far; got '" + world + "'; use: vivarium world gold");
    }
    GoldPreset p = GoldPresets.get(preset == null ? GoldPresets.names().get(0) : preset);
    if (png != null) {
      GoldConsole.writePng(p, seed, png);
      out().println("wrote " + png);
    } else if (qa != null) {
      if (qa < 1) {
        throw new IllegalArgumentException("--qa must be at least 1; got " + qa);
      }
      GoldConsole.qa(p, seed, qa, out());
    } else if (play) {
      play(p);
    } else {
      GoldConsole.expertEpisode(p, seed, out());
    }
    out().flush();
    return 0;
  }

  /** Single key presses need the terminal in raw mode; it is restored afterwards. */
  private void play(GoldPreset p) throws IOException, InterruptedException {
    String saved = System.console() == null ? null : stty("-g").strip();
    try {
      if (saved != null) {
        stty("-icanon", "-echo", "min", "1");
      }
      GoldConsole.play(p, seed, System.in, out());
    } finally {
      if (saved != null) {
        stty(saved);
      }
    }
  }

  private static String stty(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = "stty";
    System.arraycopy(args, 0, command, 1, args.length);
    Process proc = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/tty")))
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(proc.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    proc.waitFor();
    return out;
  }
}
