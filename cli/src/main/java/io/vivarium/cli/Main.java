package io.vivarium.cli;

import io.vivarium.core.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code vivarium} command. Global options live here and are inherited by every
 * subcommand; each subcommand is one class registered in {@link #subcommands}.
 *
 * <p>Exit codes: 0 success, 1 failure (one clear line, the stack trace with {@code --verbose}),
 * 2 bad usage (the message and the relevant help).
 */
@Command(
    name = "vivarium",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A laboratory for open-ended learning agents.",
    footer = {"", "Run 'vivarium COMMAND --help' for a command's options."})
public final class Main implements Runnable {
  /** Exit code of a failed command. */
  public static final int FAILURE = 1;
  /** Exit code of bad usage. */
  public static final int USAGE = 2;

  @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "DIR",
      description = "Data directory of the colony (default: ${DEFAULT-VALUE}).")
  Path data = Path.of("vivarium-data");

  @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
      description = "Configuration file (TOML); key=value arguments override it.")
  Path config;

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "Log more, and print stack traces of errors.")
  boolean verbose;

  /** Where commands report long work's progress (bars or plain lines on standard error). */
  Progress.Tracker tracker = Progress.Tracker.NONE;

  /** Every subcommand, in the order help lists them. Add new commands here. */
  static Object[] subcommands() {
    return new Object[] {
      new RunCommand(),
      new NodeCommand(),
      new ZooCommand(),
      new SoupCommand(),
      new StatusCommand(),
      new AgentsCommand(),
      new LineageCommand(),
      new ReplayCommand(),
      new EpisodesCommand(),
      new LifecycleCommand.Hibernate(),
      new LifecycleCommand.Wake(),
      new LifecycleCommand.Kill(),
      new AskCommand(),
      new ExportCommand(),
      new ImportCommand(),
      new ExportBrainCommand(),
      new ImportBrainCommand(),
      new ConfigCommand(),
      new CheckpointsCommand(),
      new PruneCommand(),
      new WorldCommand(),
      new TrainCommand(),
      new SampleCommand(),
      new ThinkCommand(),
      new EvalCommand(),
      new ExecCommand(),
      new MemoryCommand(),
      new BenchCommand(),
      new CompletionCommand(),
    };
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    PrintWriter err = new PrintWriter(System.err, true);
    Progress.Tracker tracker = Bars.forShell(err);
    PrintWriter out = tracker instanceof Bars bars ? bars.above(System.out) : new PrintWriter(System.out, true);
    System.exit(run(args, out, err, tracker));
  }

  /**
   * Runs the command line {@code args}, printing to {@code out} and {@code err} (progress as plain
   * lines on {@code err}); returns the exit code.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, Bars.plain(err, System::nanoTime));
  }

  /** {@link #run(String[], PrintWriter, PrintWriter)} with progress shown by {@code tracker}. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Progress.Tracker tracker) {
    for (String a : args) {
      if (a.equals("--verbose")) {
        System.setProperty("vivarium.log.level", "DEBUG");
      }
    }
    CommandLine cl = commandLine();
    ((Main) cl.getCommand()).tracker = tracker;
    cl.setOut(out);
    cl.setErr(err);
    return cl.execute(args);
  }

  /** The configured command line, with every subcommand and the error handlers. */
  public static CommandLine commandLine() {
    Main main = new Main();
    CommandLine cl = new CommandLine(main);
    for (Object sub : subcommands()) {
      cl.addSubcommand(sub);
    }
    cl.setExecutionExceptionHandler(new Errors(main));
    cl.setParameterExceptionHandler(Errors::usage);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }
}
