package io.vivarium.cli;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.admin.AgentArchive;
import io.vivarium.colony.admin.Lifecycle;
import io.vivarium.colony.registry.Registry;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vivarium import FILE.tar}: an exported agent joins this colony, or founds one in an empty directory. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Add an agent exported by 'vivarium export' to the colony in --data, under a new id (iNNNN) "
        + "unless --id is given; it resumes from its exported checkpoint, optimizer and learner state included.",
        "Into a data directory without a colony: creates the colony from the archive's config.toml, the agent "
        + "keeping its id; then 'vivarium run' resumes it."})
final class ImportCommand extends VivariumCommand {
  @Parameters(paramLabel = "FILE.tar", description = "The archive to read.")
  Path file;

  @Option(names = "--id", paramLabel = "ID",
      description = "The agent's id here (refused when taken; aNNNN ids are the colony's own newborns').")
  String id;

  @Override
  public Integer call() throws Exception {
    DataDir dir = DataDir.of(dataDir());
    AgentArchive.Imported in = AgentArchive.importFile(dir, file, id);
    if (in.createdColony()) {
      out().printf("created the colony in %s from %s's config.toml%n", dir.root().toAbsolutePath().normalize(), file);
    }
    out().printf("imported %s from %s as %s (%s)%n", in.from(), file, in.id(), in.state());
    if (!in.note().isEmpty()) {
      out().println("note: " + in.note());
    }
    if (in.wakeRequest() != 0) {
      try (Registry r = Registry.openReadOnly(dir.registryLocation())) {
        Lifecycle.Outcome o = Lifecycle.await(r, in.wakeRequest(), LifecycleCommand.WAIT);
        out().println(o.message());
      }
    }
    return 0;
  }
}
