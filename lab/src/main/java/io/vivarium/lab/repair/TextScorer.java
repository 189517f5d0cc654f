package io.vivarium.lab.repair;

import java.util.List;

/**
 * Compares texts by how likely they are as clean passages under a language model: the
 * log-likelihood of each text relative to a reference text. The repair search ranks its
 * candidate repairs with one; {@link CharNgram} is the built-in scorer, and a trained brain can
 * be another (it may read only the regions where a text differs from the reference, with some
 * context, and so compare long texts cheaply).
 *
 * <p>Implementations state their own thread-safety.
 */
public interface TextScorer {
  /** A short name for tables, e.g. {@code ngram}. */
  String name();

  /**
   * For each of {@code texts}, in order, its log-likelihood (nats) minus that of
   * {@code texts.get(0)} (so the first value is 0).
   */
  double[] gains(List<String> texts);
}
