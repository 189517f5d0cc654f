package io.vivarium.cli;

import io.vivarium.core.config.RunConfig;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.core.world.Worlds;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every subcommand: access to the global options, the resolved configuration and the
 * command's output streams. Subcommands return their exit code from {@link #call()}.
 */
public abstract class VivariumCommand implements Callable<Integer> {
  @Spec protected CommandSpec spec;

  /** The root command, holding the global options. */
  protected Main root() {
    return (Main) spec.root().userObject();
  }

  /** The data directory ({@code --data}). */
  protected Path dataDir() {
    return root().data;
  }

  /** Whether {@code --verbose} was given. */
  protected boolean verbose() {
    return root().verbose;
  }

  /**
   * The effective configuration: defaults, then {@code --config}, then {@code overrides}; a world
   * named without a preset gets its default preset.
   */
  protected VivariumConfig config(List<String> overrides) {
    return config(null, overrides).config();
  }

  /**
   * The configuration of a run over {@code stored}, a resumed colony's {@code config.toml} (or
   * {@code null} when starting): see {@link RunConfig}.
   */
  protected RunConfig config(Path stored, List<String> overrides) {
    return RunConfig.resolve(stored, root().config, overrides, name -> Worlds.get(name).defaultPreset(),
        name -> Worlds.get(name).suggestions());
  }

  /**
   * Where this command reports long work (a bar on a terminal, plain lines with total and ETA
   * otherwise, both on standard error): pass it to the lab/brain/colony method doing the work,
   * or open one {@link io.vivarium.core.Progress} per task here (docs/cli.md).
   */
  protected io.vivarium.core.Progress.Tracker progress() {
    return root().tracker;
  }

  /** Standard output of this command. */
  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Standard error of this command. */
  protected PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
