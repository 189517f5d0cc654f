package io.vivarium.cli;

import io.vivarium.core.Channel;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldFactory;
import io.vivarium.core.world.Worlds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vivarium world NAME}: describe a world, or show a sample episode with {@code --sample}.
 * The gold world shows its expert's episode as ASCII frames, and can be played
 * ({@code --play}), pictured ({@code --png}) or quizzed ({@code --qa}); see {@link GoldView}.
 */
@Command(name = "world", mixinStandardHelpOptions = true,
    description = {"Describe a world and its presets, or show one sample episode (--sample).",
        "vivarium world gold shows the expert's episode as ASCII frames; --play, --png and --qa are gold's."})
final class WorldCommand extends VivariumCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "World name, e.g. gold or repair.")
  String name;

  @Option(names = "--preset", paramLabel = "P", description = "Preset (default: the world's first).")
  String preset;

  @Option(names = "--sample", description = "Show one episode made from --seed.")
  boolean sample;

  @Option(names = "--seed", paramLabel = "S", description = "Episode seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--play", description = "gold: play in the terminal (L/R/F or arrow keys, q quits).")
  boolean play;

  @Option(names = "--png", paramLabel = "FILE", description = "gold: write the start picture as PNG.")
  Path png;

  @Option(names = "--qa", paramLabel = "N", description = "gold: print N tutorial questions with answers.")
  Integer qa;

  @Mixin CorpusOptions corpus;

  @Override
  public Integer call() throws Exception {
    WorldFactory f = Worlds.get(name);
    String p = preset != null ? preset : f.presets().get(0);
    if (f.name().equals("gold")) {
      new GoldView(p, seed, out()).run(play, png, qa);
      return 0;
    }
    if (play || png != null || qa != null) {
      throw new IllegalArgumentException(
          "--play, --png and --qa are for the gold world; got world '" + f.name() + "'; use: vivarium world gold");
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
    try (World w = f.create(p)) {
      Observation o = w.reset(seed);
      out().println("world: " + f.name() + "\npreset: " + p + "\nseed: " + seed);
      o.channels().forEach((c, bytes) -> out().println("== " + c.key() + " ==\n"
          + (c == Channel.TEXT ? new String(bytes, StandardCharsets.UTF_8) : bytes.length + " bytes")));
    }
    return 0;
  }
}
