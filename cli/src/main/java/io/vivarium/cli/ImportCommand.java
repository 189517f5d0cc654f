package io.vivarium.cli;

import io.vivarium.colony.admin.AgentArchive;
import io.vivarium.colony.admin.Lifecycle;
import io.vivarium.colony.registry.Registry;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vivarium import FILE.tar}: an exported agent becomes a new agent of this colony. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = "Add an agent exported by 'vivarium export' to this colony, under a new id (iNNNN).")
final class ImportCommand extends VivariumCommand {
  @Parameters(paramLabel = "FILE.tar", description = "The archive to read.")
  Path file;

  @Override
  public Integer call() throws Exception {
    var dir = Colonies.require(dataDir());
    AgentArchive.Imported in = AgentArchive.importFile(dir, file);
    out().printf("imported %s from %s as %s (%s)%n", in.from(), file, in.id(), in.state());
    if (in.wakeRequest() != 0) {
      try (Registry r = Registry.openReadOnly(dir.registry())) {
        Lifecycle.Outcome o = Lifecycle.await(r, in.wakeRequest(), LifecycleCommand.WAIT);
        out().println(o.message());
      }
    }
    return 0;
  }
}
