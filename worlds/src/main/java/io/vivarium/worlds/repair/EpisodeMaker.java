package io.vivarium.worlds.repair;

import io.vivarium.worlds.repair.Corpus.Split;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes repair episodes from a preset and a corpus: draws a passage, applies k seeded
 * operations, adds herrings and frames the observation. The episode is a pure function of the
 * seed.
 *
 * <p>Immutable and thread-safe.
 */
public final class EpisodeMaker {
  /** Extra characters a corrupted passage may gain over the corpus's longest passage. */
  static final int GROWTH = 1024;
  private static final int ATTEMPTS = 64;

  private final RepairPreset preset;
  private final Corpus corpus;
  private final Split split;
  private final Operation[] operations;

  public EpisodeMaker(RepairPreset preset, Corpus corpus, Split split) {
    this.preset = preset;
    this.corpus = corpus;
    this.split = split;
    this.operations = preset.operations().toArray(new Operation[0]);
  }

  /** The most bytes an observation can have: passages, growth, headers and diagnosis. */
  public int maxPromptBytes() {
    int passages = (corpus.maxPassageChars() + 1) * (1 + preset.herrings()) + GROWTH;
    return 4 * passages + 64 * (preset.herrings() + 2) + 160 * preset.maxOps();
  }

  /** The episode for {@code seed}. */
  public Episode make(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Episode e = attempt(seed, rng);
      if (e != null) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "corpus " + corpus.name() + " gave no passage that preset " + preset.name()
            + " could damage in " + ATTEMPTS + " draws; passages must be longer (a few sentences)");
  }

  private Episode attempt(long seed, SplittableRandom rng) {
    String clean = corpus.draw(split, rng);
    String donor = corpus.draw(split, rng);
    int k = preset.minOps() + rng.nextInt(preset.maxOps() - preset.minOps() + 1);
    List<Corruption> applied = new ArrayList<>();
    String text = clean;
    for (int j = 0; j < k; j++) {
      Corruption c = null;
      for (int tries = 0; tries < 16 && c == null; tries++) {
        c = operations[rng.nextInt(operations.length)].apply(text, donor, rng);
      }
      if (c == null) {
        return null;
      }
      applied.add(c);
      text = c.text();
    }
    if (text.equals(clean) || text.length() > corpus.maxPassageChars() + GROWTH) {
      return null;
    }
    List<String> herrings = new ArrayList<>();
    for (int h = 0; h < preset.herrings(); h++) {
      herrings.add(corpus.draw(split, rng));
    }
    String prompt = text;
    int target = 0;
    if (preset.framed()) {
      target = rng.nextInt(herrings.size() + 1);
      List<String> shown = new ArrayList<>(herrings);
      shown.add(target, text);
      List<String> diagnosis = preset.showDiagnosis()
          ? applied.stream().map(Corruption::diagnosis).toList() : List.of();
      prompt = Episode.frame(shown, target, diagnosis);
    }
    if (prompt.getBytes(StandardCharsets.UTF_8).length > maxPromptBytes()) {
      return null;
    }
    return new Episode(seed, clean, text, applied, herrings, Episode.fileName(target), prompt);
  }
}
