package io.vivarium.core.config;

/**
 * Tree of thought over memory (seed 000's update "Tree of Thought with vector database memories
 * and training on conclusions"): how wide and deep an agent's tree of continuations grows, what
 * each node recalls, and how many conclusions wait to be trained on.
 */
public record ThinkConfig(
    @Doc("Whether a chat agent answers people's questions by a tree of thought (off: one greedy answer).")
        boolean enabled,
    @Doc("Levels of continuations below the question; a node whose continuation ends its answer (a newline"
        + " or <eos>) is not expanded further.") @Range(min = 1, max = 16) int depth,
    @Doc("Nodes kept per level (the beam): the best-scored continue, the others stay in the tree as pruned"
        + " leaves.") @Range(min = 1, max = 16) int width,
    @Doc("Continuations sampled from each kept node.") @Range(min = 1, max = 16) int branches,
    @Doc("Most bytes one node's continuation may have.") @Range(min = 1, max = 256) int tokens,
    @Doc("Memories recalled for each node's text and put into its context (facts and earlier"
        + " conclusions); 0 = none.") @Range(min = 0, max = 16) int recall,
    @Doc("Sampling temperature of the continuations (0 = greedy, then all branches of a node agree).")
        @Range(min = 0, max = 10) double temperature,
    @Doc("Most conclusions queued for training (DATA/conclusions.json); the oldest go first.")
        @Range(min = 1, max = 100_000) int queue,
    @Doc("Pair-training iterations a brain makes on the queued conclusions (a newborn's brain at birth,"
        + " 'vivarium think --train'); 0 = conclusions are only remembered.") @Range(min = 0, max = 100_000)
        int trainIters,
    @Doc("Peak learning rate of training on conclusions.") @Range(min = 1e-6, max = 1) double lr,
    @Doc("Conclusions scoring below this are recorded but neither kept in the memory nor queued for training"
        + " (0 = every conclusion, as the seed; 1 with the chat grader = only right answers).")
        @Range(min = 0, max = 1) double minScore) {

  public static ThinkConfig defaults() {
    return new ThinkConfig(false, 3, 2, 3, 16, 3, 0.8, 1000, 40, 3e-3, 0);
  }

  /** Whether a conclusion scoring {@code score} is kept and queued. */
  public boolean keeps(double score) {
    return score >= minScore;
  }
}
