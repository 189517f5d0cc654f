package io.vivarium.cli;

import io.vivarium.colony.admin.Lifecycle;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code vivarium hibernate|wake|kill AGENT}. Against a running colony (it holds the data
 * directory's lock) the change is a request in the registry that the colony applies between
 * turns; this waits up to 15 s for its result. Without one, the registry is edited and the next
 * {@code vivarium run} starts from it.
 */
abstract class LifecycleCommand extends VivariumCommand {
  /** How long to wait for a running colony to apply the request. */
  static final Duration WAIT = Duration.ofSeconds(15);

  @Parameters(paramLabel = "AGENT", description = "The agent, e.g. a0003.")
  String agent;

  abstract String action();

  @Override
  public Integer call() {
    Lifecycle.Outcome o = Lifecycle.apply(Colonies.require(dataDir()), agent, action(), WAIT);
    out().println(o.message());
    return o.viaColony() && !o.applied() ? Main.FAILURE : 0;
  }

  @Command(name = "hibernate", mixinStandardHelpOptions = true,
      description = "Checkpoint an alive agent and unload it (a running colony applies it between turns).")
  static final class Hibernate extends LifecycleCommand {
    @Override
    String action() {
      return "hibernate";
    }
  }

  @Command(name = "wake", mixinStandardHelpOptions = true,
      description = "Bring a hibernating agent back from its newest checkpoint.")
  static final class Wake extends LifecycleCommand {
    @Override
    String action() {
      return "wake";
    }
  }

  @Command(name = "kill", mixinStandardHelpOptions = true,
      description = "End an agent's life; it stays in the registry and lineage, its checkpoints kept.")
  static final class Kill extends LifecycleCommand {
    @Override
    String action() {
      return "kill";
    }
  }
}
