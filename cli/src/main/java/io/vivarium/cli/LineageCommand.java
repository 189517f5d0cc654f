package io.vivarium.cli;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.admin.Lineage;
import io.vivarium.colony.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vivarium lineage [AGENT]}: the family tree. */
@Command(name = "lineage", mixinStandardHelpOptions = true,
    description = "Draw the colony's family tree, or one agent's ancestry and descendants.")
final class LineageCommand extends VivariumCommand {
  @Parameters(paramLabel = "AGENT", arity = "0..1", description = "Only this agent's ancestry and subtree.")
  String agent;

  @Override
  public Integer call() {
    DataDir dir = Colonies.require(dataDir());
    try (Registry r = Registry.openReadOnly(dir.registryLocation())) {
      Lineage lineage = new Lineage(r.agents());
      out().print(agent == null ? lineage.tree() : lineage.of(agent));
    }
    out().flush();
    return 0;
  }
}
