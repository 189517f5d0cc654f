package io.vivarium.cli;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.store.Checkpoint;
import io.vivarium.colony.store.CheckpointStore;
import io.vivarium.colony.store.PrunePlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vivarium prune}: deletes old checkpoints, only when told to. */
@Command(name = "prune", mixinStandardHelpOptions = true,
    description = {"Delete old checkpoints. Without --yes it only shows what it would delete.",
        "An agent's newest and its fittest checkpoint are never deleted."})
final class PruneCommand extends VivariumCommand {
  @Option(names = "--keep-last", paramLabel = "N", required = true,
      description = "Keep each agent's N newest checkpoints.")
  int keepLast;

  @Option(names = "--keep-best", description = "Also keep each agent's N fittest checkpoints.")
  boolean keepBest;

  @Option(names = "--yes", description = "Really delete (otherwise a dry run).")
  boolean yes;

  @Override
  public Integer call() {
    DataDir dir = DataDir.of(dataDir());
    CheckpointStore store = dir.checkpoints();
    PrunePlan plan = PrunePlan.of(store.scan().checkpoints(), keepLast, keepBest);
    long bytes = plan.delete().stream().mapToLong(Checkpoint::fileSize).sum();
    for (Checkpoint c : plan.delete()) {
      out().println((yes ? "deleting " : "would delete ") + dir.relative(c.file()));
    }
    if (!yes) {
      out().printf("dry run: %d checkpoint(s), %s would be deleted, %d kept; add --yes to delete%n",
          plan.delete().size(), Bytes.human(bytes), plan.keep().size());
      return 0;
    }
    store.delete(plan.delete());
    if (dir.hasColony() && !plan.delete().isEmpty()) {
      try (Registry r = Registry.open(dir.registryLocation())) {
        r.markPruned(plan.delete().stream().map(c -> dir.relative(c.file())).toList());
      }
    }
    out().printf("deleted %d checkpoint(s), %s; %d kept%n", plan.delete().size(), Bytes.human(bytes), plan.keep().size());
    return 0;
  }
}
