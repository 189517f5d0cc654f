package io.vivarium.cli;

import io.vivarium.bench.chat.FactsBench;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vivarium bench facts}: chat colonies with and without the fact memory, on facts never trained on. */
@Command(name = "facts", mixinStandardHelpOptions = true,
    description = {"A chat colony learns on the facts source for M minutes with the fact memory on, then one with it off"
        + " (temporary data directories); each colony's alive agents then answer questions on held-out facts (never"
        + " trained on, yet in the memory) greedily. Prints exact_match_with_memory=, exact_match_without_memory= and"
        + " the training facts' train_exact_match_with_memory=, train_exact_match_without_memory=."})
final class BenchFactsCommand extends VivariumCommand {
  @Option(names = "--minutes", paramLabel = "M", description = "Minutes each colony learns (default: ${DEFAULT-VALUE}).")
  double minutes = 10;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of both colonies (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(names = "--eval-facts", paramLabel = "FILE",
      description = "Facts (lines subject | relation | value) put into the memory and asked instead of the held-out ones.")
  Path evalFacts;

  @Option(names = "--keep-data", description = "Keep the colonies' temporary data directories (printed) for inspection.")
  boolean keepData;

  @Parameters(paramLabel = "KEY=VALUE", arity = "0..*",
      description = "Configuration overrides on top of the chat colony's defaults, e.g. learn.method=grpo.")
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() {
    if (!(minutes > 0 && minutes <= 24 * 60)) {
      throw new IllegalArgumentException("--minutes must be in (0, 1440]; got " + minutes);
    }
    try (var p = Bars.timed(progress(), "bench facts (two colonies)", Math.round(2 * minutes * 60))) {
      new FactsBench(out(), keepData).run(minutes, seed, evalFacts, overrides);
    }
    return 0;
  }
}
