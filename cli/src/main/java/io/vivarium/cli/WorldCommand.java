package io.vivarium.cli;

import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldFactory;
import io.vivarium.core.world.Worlds;
import java.nio.file.Path;
import java.util.HexFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vivarium world NAME}: describe a world, or show a sample episode with {@code --sample}.
 * The gold world shows its expert's episode as ASCII frames, and can be played
 * ({@code --play}), pictured ({@code --png}) or quizzed ({@code --qa}); see {@link GoldView}.
 * The terminal world can be played ({@code --play}), typed into ({@code --type}) and pictured
 * ({@code --png}); see {@link TerminalView}. Other worlds show their first observation and {@code --steps} steps ({@link SampleView}).
 */
@Command(name = "world", mixinStandardHelpOptions = true,
    description = {"Describe a world and its presets, or show one sample episode (--sample).",
        "vivarium world gold shows the expert's episode as ASCII frames; for gold --play plays it, --png pictures it, --qa quizzes.",
        "vivarium world terminal --play hands you the sandboxed shell; --type FILE types lines, --png pictures it.",
        "Other worlds show the first observation, then --steps steps with their reward and details."})
final class WorldCommand extends VivariumCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "World name, e.g. gold or repair.")
  String name;

  @Option(names = "--preset", paramLabel = "P", description = "Preset (default: the world's first).")
  String preset;

  @Option(names = "--sample", description = "Show one episode made from --seed.")
  boolean sample;

  @Option(names = "--seed", paramLabel = "S", description = "Episode seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--play", description = {"gold: play in the terminal (L/R/F or arrow keys, q quits).",
      "terminal: use the sandboxed shell (with --preset, that task's episode); Ctrl-] quits."})
  boolean play;

  @Option(names = "--png", paramLabel = "FILE", description = {"gold: write the start picture as PNG.",
      "terminal: write the screen after --type (else the preset's first screen) as PNG."})
  Path png;

  @Option(names = "--type", paramLabel = "FILE", description = "terminal: type FILE's lines (- for stdin), each"
      + " followed by Enter, into a sandboxed shell and print the final screen.")
  String type;

  @Option(names = "--qa", paramLabel = "N", description = "gold: print N tutorial questions with answers.")
  Integer qa;

  @Option(names = "--steps", paramLabel = "N", description = "--sample: steps to take after the reset (default: ${DEFAULT-VALUE}).")
  int steps = 1;

  @Option(names = "--action-hex", paramLabel = "HEX",
      description = "--sample: the action of every step as hex digits (default: seeded random bytes).")
  String actionHex;

  @Mixin CorpusOptions corpus;

  private static final int MAX_STEPS = 1000;

  @Override
  public Integer call() throws Exception {
    WorldFactory f = Worlds.get(name);
    String p = preset != null ? preset : f.presets().get(0);
    if (f.name().equals("gold")) {
      if (type != null) {
        throw new IllegalArgumentException("--type is for the terminal world; use: vivarium world terminal --type FILE");
      }
      new GoldView(p, seed, out()).run(play, png, qa);
      return 0;
    }
    if (f.name().equals("terminal") && (play || png != null || type != null) && qa == null && !sample) {
      new TerminalView(p, preset != null, seed, out()).run(play, png, type);
      return 0;
    }
    if (!sample && (actionHex != null || steps != 1)) {
      throw new IllegalArgumentException("--steps and --action-hex go with --sample; add --sample");
    }
    if (play || png != null || qa != null || type != null) {
      throw new IllegalArgumentException("--play and --png are for the gold and terminal worlds, --qa for gold and"
          + " --type for terminal, each without --sample; got world '" + f.name() + "'" + (sample ? " with --sample" : ""));
    }
    if (!sample) {
      out().println(f.name() + ": " + f.description());
      out().println("presets: " + String.join(", ", f.presets()));
      return 0;
    }
    if (f.name().equals("repair")) {
      out().print(corpus.open(p).sample(seed));
      out().flush();
      return 0;
    }
    if (steps < 0 || steps > MAX_STEPS) {
      throw new IllegalArgumentException("--steps must be between 0 and " + MAX_STEPS + "; got " + steps);
    }
    byte[] given = actionHex == null ? null : hex(actionHex);
    try (World w = f.create(p)) {
      out().println("world: " + f.name() + "\npreset: " + p + "\nseed: " + seed);
      new SampleView(out()).run(w, seed, steps, given);
    }
    return 0;
  }

  private static byte[] hex(String text) {
    String digits = text.replaceAll("\\s", "");
    if (digits.isEmpty() || !digits.matches("([0-9a-fA-F]{2})*")) {
      throw new IllegalArgumentException("--action-hex must be pairs of hex digits (e.g. b83c0000000f05); got '"
          + text + "'");
    }
    return HexFormat.of().parseHex(digits);
  }
}
