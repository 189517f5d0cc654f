/**
 * The evaluator brain (seed 004's RLAIF): a byte transformer read as a yes/no classifier of an
 * answer to a prompt. {@link io.vivarium.brain.judge.JudgeText} is the input format and the mark an
 * evaluator's brain file carries, {@link io.vivarium.brain.judge.BrainJudge} the
 * {@link io.vivarium.core.world.Judge} worlds ask, {@link io.vivarium.brain.judge.JudgeTrainer} one
 * supervised step on graded answers.
 *
 * <p>Depends on {@code io.vivarium.brain}, its {@code model} and {@code learn}, {@code core} and DJL;
 * never on a world's classes (graded examples are made in {@code lab}).
 */
package io.vivarium.brain.judge;
