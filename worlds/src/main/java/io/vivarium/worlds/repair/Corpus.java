package io.vivarium.worlds.repair;

import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A source of clean passages, divided into a training split and a held-out split that never
 * share a passage.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface Corpus {
  /** The two disjoint parts of a corpus. */
  enum Split {
    /** Passages for training and for the heuristic's word list. */
    TRAIN,
    /** Passages kept out of training, for evaluation. */
    HELDOUT
  }

  /** A short description for displays, e.g. {@code generated(seed=1)}. */
  String name();

  /** The most characters a passage of this corpus has. */
  int maxPassageChars();

  /** The number of passages in {@code split}; {@link Long#MAX_VALUE} when unbounded. */
  long size(Split split);

  /** Passage {@code index} of {@code split}, the same every time. */
  String passage(Split split, long index);

  /**
   * The corpus a command line asks for: {@code file} cut into passages of {@code passageChars},
   * or the built-in generated corpus with that passage length when {@code file} is null.
   */
  static Corpus open(Path file, int passageChars) {
    if (file != null) {
      return FileCorpus.read(file, passageChars);
    }
    return GeneratedCorpus.standard().withPassageChars(passageChars);
  }

  /** A passage of {@code split} drawn with {@code rng}. */
  default String draw(Split split, SplittableRandom rng) {
    long n = size(split);
    return passage(split, n == Long.MAX_VALUE ? rng.nextLong() >>> 1 : rng.nextLong(n));
  }
}
