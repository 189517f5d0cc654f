package io.vivarium.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vivarium episodes}: the colony's recorded episodes, out of Vivarium. */
@Command(name = "episodes", mixinStandardHelpOptions = true,
    description = "Work with recorded episodes: 'episodes export' writes them as an offline-RL table.",
    subcommands = {EpisodesExportCommand.class})
final class EpisodesCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
