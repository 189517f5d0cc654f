package io.vivarium.cli;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.OutputRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.lab.soup.SoupBridge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vivarium soup import}: agents' exec programs (or program files) dropped into a soup ({@link SoupBridge}). */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Drop programs into a checkpointed soup as 64-byte tapes (first 64 bytes, padded with 0), spread "
        + "evenly over the soup; the checkpoint keeps its epoch, so 'vivarium soup --resume' continues from it.",
        "Programs: the newest outputs of the exec agents of a colony (--from-colony) and/or FILEs (as 'vivarium exec "
            + "FILE' takes them). Import while the soup is not running."})
final class SoupImportCommand extends VivariumCommand {
  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Program files, one program each.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--from-colony", paramLabel = "DATA_DIR", description = "A colony's data directory: its exec "
      + "agents' newest outputs (the registry keeps each agent's newest) are the programs.")
  Path colony;

  @Option(names = "--agent", paramLabel = "ID", description = "Only this agent's outputs (default: every agent "
      + "whose world is exec).")
  String agent;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "64",
      description = "At most N programs from the colony, the newest (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--copies", paramLabel = "C", defaultValue = "1",
      description = "Tapes per program (default: ${DEFAULT-VALUE}).")
  int copies;

  @Option(names = "--out", paramLabel = "DIR", description = "The soup's directory (default: DATA/soup).")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (limit < 1) {
      throw new IllegalArgumentException("--limit must be >= 1; got " + limit);
    }
    List<byte[]> programs = new ArrayList<>();
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new IllegalArgumentException("soup import FILE must be a readable file; got '" + f + "'");
      }
      programs.add(Files.readAllBytes(f));
    }
    int fromColony = colony == null ? 0 : addOutputs(programs);
    if (programs.isEmpty()) {
      throw new IllegalArgumentException("soup import found no program: give FILEs or --from-colony DATA_DIR with exec "
          + "agents that produced outputs");
    }
    Path dir = out != null ? out : dataDir().resolve("soup");
    SoupBridge.Imported r = SoupBridge.importPrograms(dir, programs, copies);
    out().printf("imported %d programs (%d from the colony, %d files) as %d tapes into the soup at epoch %d (%d tapes) "
        + "in %s; first tapes %s%n", programs.size(), fromColony, files.size(), r.tapes().size(), r.epoch(), r.size(),
        dir, r.tapes().subList(0, Math.min(8, r.tapes().size())));
    return 0;
  }

  /** Adds the newest outputs of the colony's exec agents (or of --agent); returns how many. */
  private int addOutputs(List<byte[]> programs) {
    DataDir d = Colonies.require(colony);
    List<OutputRow> rows = new ArrayList<>();
    try (Registry r = Registry.openReadOnly(d.registryLocation())) {
      for (AgentRow a : r.agents()) {
        if (agent != null ? a.id().equals(agent) : a.world().startsWith("exec")) {
          rows.addAll(r.outputs(a.id(), Registry.KEEP_OUTPUTS));
        }
      }
    }
    rows.sort(Comparator.comparingLong(OutputRow::timeMillis).thenComparingLong(OutputRow::step).reversed());
    List<OutputRow> newest = rows.subList(0, Math.min(limit, rows.size()));
    newest.forEach(o -> programs.add(o.bytes()));
    return newest.size();
  }
}
