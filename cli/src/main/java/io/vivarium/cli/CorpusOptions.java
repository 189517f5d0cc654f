package io.vivarium.cli;

import io.vivarium.worlds.repair.Corpus;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The repair world's corpus options, shared by the commands that make repair episodes. */
final class CorpusOptions {
  @Option(names = "--corpus", paramLabel = "FILE",
      description = "repair: a UTF-8 text file to take passages from (default: the built-in generated corpus).")
  Path file;

  @Option(names = "--passage-chars", paramLabel = "N",
      description = "repair: the most characters in a passage (default: ${DEFAULT-VALUE}).")
  int passageChars = 600;

  /** The corpus these options name. */
  Corpus open() {
    return Corpus.open(file, passageChars);
  }
}
