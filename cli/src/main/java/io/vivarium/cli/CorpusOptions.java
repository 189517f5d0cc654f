package io.vivarium.cli;

import io.vivarium.lab.repair.RepairSource;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The repair world's corpus options, shared by the commands that make repair episodes. */
final class CorpusOptions {
  @Option(names = "--corpus", paramLabel = "FILE",
      description = "repair: a UTF-8 text file to take passages from (default: the built-in generated corpus).")
  Path file;

  @Option(names = "--passage-chars", paramLabel = "N",
      description = "repair: the most characters in a passage (default: the preset's, 600 for most).")
  Integer passageChars;

  /** Episodes of repair preset {@code preset} over the corpus these options name. */
  RepairSource open(String preset) {
    return RepairSource.open(preset, file, passageChars);
  }
}
