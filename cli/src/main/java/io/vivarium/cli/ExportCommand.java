package io.vivarium.cli;

import io.vivarium.colony.admin.AgentArchive;
import io.vivarium.colony.store.Checkpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vivarium export AGENT -o FILE.tar}: one whole agent as a portable archive. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Write a whole agent to a tar file: its newest verified checkpoint (brain, optimizer and learner "
        + "state), registry row, colony config, lineage, metrics, episodes and events, each entry with its SHA-256.",
        "'vivarium import' reads it into another colony, or into an empty data directory (which it makes a colony)."})
final class ExportCommand extends VivariumCommand {
  @Parameters(paramLabel = "AGENT", description = "The agent, e.g. a0003.")
  String agent;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.tar", description = "The archive to write.")
  Path output;

  @Override
  public Integer call() throws Exception {
    Checkpoint c = AgentArchive.export(Colonies.require(dataDir()), agent, output, progress());
    out().printf("exported %s (checkpoint at step %d, fitness %.4f) to %s (%s)%n", agent, c.step(), c.fitness(),
        output, Bytes.human(Files.size(output)));
    return 0;
  }
}
