package io.vivarium.cli;

import io.vivarium.colony.admin.AgentArchive;
import io.vivarium.colony.store.Checkpoint;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vivarium export AGENT -o FILE.tar}: one agent as a portable archive. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write an agent (newest verified brain, colony config, lineage, metrics) to a tar file.")
final class ExportCommand extends VivariumCommand {
  @Parameters(paramLabel = "AGENT", description = "The agent, e.g. a0003.")
  String agent;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.tar", description = "The archive to write.")
  Path output;

  @Override
  public Integer call() throws Exception {
    Checkpoint c = AgentArchive.export(Colonies.require(dataDir()), agent, output);
    out().printf("exported %s (checkpoint at step %d, fitness %.4f) to %s%n", agent, c.step(), c.fitness(), output);
    return 0;
  }
}
