/**
 * Learning, the second phase of the loop: the {@link io.vivarium.brain.learn.Learner} interface
 * ({@code Stats update(Rollout)}) with PPO, GRPO and imitation (cloning and DAgger) behind it, the
 * {@link io.vivarium.brain.learn.Rollout} a loop fills through a {@link
 * io.vivarium.brain.learn.Collector}, the one learning-rate {@link io.vivarium.brain.learn.Schedule}
 * and AdamW; language-model pretraining ({@link io.vivarium.brain.learn.LmTrainer}), supervised
 * prompt → answer learning ({@link io.vivarium.brain.learn.PairTrainer}), text sampling and
 * scoring; and {@link io.vivarium.brain.learn.Training}, the one-brain loop of the train commands.
 *
 * <p>Depends on {@code io.vivarium.brain}, its {@code model} and {@code policy}, {@code core} and
 * the brain's tensors; never on a world's classes.
 */
package io.vivarium.brain.learn;
