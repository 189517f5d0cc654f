package io.vivarium.lab.repair;

import io.vivarium.worlds.repair.Corpus;
import io.vivarium.worlds.repair.RepairPreset;
import io.vivarium.worlds.repair.RepairPresets;
import io.vivarium.worlds.repair.RepairSample;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where repair episodes come from: a preset and the corpus its passages are taken from, opened
 * from names and options (as {@code --preset}, {@code --corpus} and {@code --passage-chars} give
 * them) so that a command holds one without the world's classes. Immutable and thread-safe as
 * far as its corpus is.
 *
 * @param preset the repair preset
 * @param corpus the corpus of passages
 */
public record RepairSource(RepairPreset preset, Corpus corpus) {
  public RepairSource {
    Objects.requireNonNull(preset, "preset");
    Objects.requireNonNull(corpus, "corpus");
  }

  /**
   * Repair preset {@code preset} (an unknown one lists the known ones) over the preset's
   * built-in corpus, or, when {@code corpusFile} or {@code passageChars} is given, over the
   * passages of that UTF-8 text file of at most {@code passageChars} characters (default
   * {@value RepairPreset#PASSAGE_CHARS}).
   */
  public static RepairSource open(String preset, Path corpusFile, Integer passageChars) {
    RepairPreset p = RepairPresets.get(preset);
    if (corpusFile == null && passageChars == null) {
      return new RepairSource(p, p.builtInCorpus());
    }
    int chars = passageChars == null ? RepairPreset.PASSAGE_CHARS : passageChars;
    return new RepairSource(p, Corpus.open(corpusFile, chars));
  }

  /** The episode made from {@code seed}, for people: the corrupted passage, the diagnosis and the ground-truth diff. */
  public String sample(long seed) {
    return RepairSample.render(preset, corpus, seed);
  }
}
