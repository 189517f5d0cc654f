/**
 * Training the evaluator (seed 004's RLAIF): answers of varied quality made from a world's tasks and
 * graded by the world's own grader ({@link io.vivarium.lab.judge.RepairExamples} for "Is the passage
 * repaired?", {@link io.vivarium.lab.judge.ChatExamples} for "Does the answer state the fact asked
 * for?"), the training run behind {@code vivarium train evaluator}
 * ({@link io.vivarium.lab.judge.EvaluatorTraining}) and the agreement with the grader it reports
 * ({@link io.vivarium.lab.judge.Agreement}).
 *
 * <p>Depends on {@code io.vivarium.core}, {@code io.vivarium.worlds}, {@code io.vivarium.brain} and
 * {@code io.vivarium.lab.repair}.
 */
package io.vivarium.lab.judge;
