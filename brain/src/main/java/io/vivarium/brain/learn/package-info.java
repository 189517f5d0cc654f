/**
 * Learners that train brains: language-model pretraining ({@link
 * io.vivarium.brain.learn.LmTrainer}) with its optimizer and corpus, supervised prompt → answer
 * learning with the prefix-LM mask ({@link io.vivarium.brain.learn.PairTrainer}), text
 * sampling, and a language model's log-likelihood of byte ranges ({@link
 * io.vivarium.brain.learn.LmScorer}).
 *
 * <p>Depends on {@code io.vivarium.brain}, {@code io.vivarium.brain.model}, {@code core} and
 * DJL; never on a world's classes.
 */
package io.vivarium.brain.learn;
