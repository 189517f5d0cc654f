package io.vivarium.cli;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.store.Checkpoint;
import io.vivarium.colony.store.CheckpointStore;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vivarium checkpoints [AGENT]}: lists checkpoints, verifying each. */
@Command(name = "checkpoints", mixinStandardHelpOptions = true,
    description = "List checkpoints (all agents, or one), verifying each file's length and SHA-256.")
final class CheckpointsCommand extends VivariumCommand {
  @Parameters(paramLabel = "AGENT", arity = "0..1", description = "Only this agent's checkpoints.")
  String agent;

  @Option(names = "--no-verify", description = "Read headers only; skip hashing the payloads.")
  boolean noVerify;

  @Option(names = "--verify", description = "Exit with status 1 when any checkpoint fails verification (for scripts).")
  boolean verify;

  @Override
  public Integer call() {
    if (verify && noVerify) {
      throw new IllegalArgumentException("--verify and --no-verify contradict each other; give one");
    }
    DataDir dir = DataDir.of(dataDir());
    if (agent != null) {
      AgentRow.checkId(agent);
    }
    CheckpointStore store = dir.checkpoints();
    CheckpointStore.Scan scan = store.scan();
    List<Checkpoint> shown = scan.checkpoints().stream()
        .filter(c -> agent == null || c.agent().equals(agent)).toList();
    if (shown.isEmpty() && scan.damaged().isEmpty()) {
      out().println("No checkpoints" + (agent == null ? "" : " of " + agent) + " in " + store.root() + ".");
      return 0;
    }
    out().printf("%-10s %14s  %-24s %12s %10s  %s%n", "agent", "step", "written", "bytes", "fitness", "status");
    int bad = 0;
    for (Checkpoint c : shown) {
      String status = noVerify ? "unverified" : store.verify(c).map(r -> "DAMAGED").orElse("ok");
      bad += status.equals("DAMAGED") ? 1 : 0;
      out().printf("%-10s %14d  %-24s %12d %10.4f  %s%n", c.agent(), c.step(),
          Instant.ofEpochMilli(c.createdMillis()), c.fileSize(), c.fitness(), status);
    }
    for (CheckpointStore.Damaged d : scan.damaged()) {
      if (agent == null || d.file().getParent().getFileName().toString().equals(agent)) {
        bad++;
        out().println("DAMAGED " + d.reason());
      }
    }
    if (!scan.temporaries().isEmpty()) {
      out().println(scan.temporaries().size() + " unfinished temporary file(s) from interrupted writes "
          + "(never loaded; safe to delete)");
    }
    if (bad > 0) {
      out().println(bad + " damaged checkpoint(s): they are never loaded; the previous good one is used instead");
    }
    return verify && bad > 0 ? Main.FAILURE : 0;
  }
}
