package io.vivarium.worlds.repair;

import java.util.List;

/**
 * Scores texts by how likely they are as clean passages: the log-likelihood of a text under a
 * language model. The repair search ranks its candidate repairs with one; {@link CharNgram} is
 * the built-in scorer, and a trained brain can be another.
 *
 * <p>Implementations state their own thread-safety.
 */
public interface TextScorer {
  /** A short name for tables, e.g. {@code ngram}. */
  String name();

  /** The log-likelihood (nats) of each of {@code texts}, in order. */
  double[] logLikelihood(List<String> texts);
}
