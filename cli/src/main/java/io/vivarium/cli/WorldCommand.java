package io.vivarium.cli;

import io.vivarium.core.Channel;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldFactory;
import io.vivarium.core.world.Worlds;
import io.vivarium.worlds.repair.RepairPresets;
import io.vivarium.worlds.repair.RepairSample;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vivarium world NAME}: describe a world, or show a sample episode with {@code --sample}. */
@Command(name = "world", mixinStandardHelpOptions = true,
    description = "Describe a world and its presets, or show one sample episode (--sample).")
final class WorldCommand extends VivariumCommand {
  @Parameters(index = "0", paramLabel = "NAME", description = "World name, e.g. repair.")
  String name;

  @Option(names = "--preset", paramLabel = "P", description = "Preset (default: the world's first).")
  String preset;

  @Option(names = "--sample", description = "Show one episode made from --seed.")
  boolean sample;

  @Option(names = "--seed", paramLabel = "S", description = "Episode seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Mixin CorpusOptions corpus;

  @Override
  public Integer call() {
    WorldFactory f = Worlds.get(name);
    String p = preset != null ? preset : f.presets().get(0);
    if (!sample) {
      out().println(f.name() + ": " + f.description());
      out().println("presets: " + String.join(", ", f.presets()));
      return 0;
    }
    if (f.name().equals("repair")) {
      out().print(RepairSample.render(RepairPresets.get(p), corpus.open(RepairPresets.get(p)), seed));
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
