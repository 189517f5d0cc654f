package io.vivarium.worlds.repair;

import io.vivarium.worlds.repair.Corpus.Split;

/**
 * Renders one repair episode for people: the corrupted passage, the diagnosis and the
 * ground-truth diff. Backs {@code vivarium world repair --sample [--seed S]}.
 *
 * <p>Stateless and thread-safe.
 */
public final class RepairSample {
  private RepairSample() {}

  /** The episode of {@code preset} over {@code corpus} made from {@code seed}, as text. */
  public static String render(RepairPreset preset, Corpus corpus, long seed) {
    Episode e = new EpisodeMaker(preset, corpus, Split.TRAIN).make(seed);
    StringBuilder b = new StringBuilder();
    b.append("preset: ").append(preset.name()).append('\n');
    b.append("corpus: ").append(corpus.name()).append('\n');
    b.append("seed: ").append(seed).append("\n\n");
    b.append("== observation ==\n").append(e.prompt()).append("\n\n");
    b.append("== diagnosis ==\n");
    e.diagnosis().forEach(d -> b.append("- ").append(d).append('\n'));
    b.append("\n== ground-truth diff ==\n").append(e.groundTruthDiff());
    return b.toString();
  }
}
