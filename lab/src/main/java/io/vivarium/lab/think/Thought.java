package io.vivarium.lab.think;

import java.util.List;
import java.util.Objects;

/**
 * One node of a tree of thought. The root (id 0, depth 0) holds the question and no score; every
 * other node holds one continuation of its parent's path. Immutable.
 *
 * @param id its index in the tree, parents before children
 * @param parent the parent's id, -1 for the root
 * @param depth 0 for the root, the parent's + 1 otherwise
 * @param text the continuation (the question for the root)
 * @param memories what was recalled for this node's path when it was expanded (empty if it was not)
 * @param score the judge's P(yes) of the path ending here, in [0, 1] (0 for the root)
 * @param done whether the continuation ended the answer (a newline or {@code <eos>})
 * @param chosen whether the node is on the conclusion's path
 */
public record Thought(int id, int parent, int depth, String text, List<String> memories, double score,
    boolean done, boolean chosen) {
  public Thought {
    Objects.requireNonNull(text, "thought text");
    memories = List.copyOf(memories);
    if (id < 0 || parent >= id || depth < 0 || (parent < 0) != (depth == 0)) {
      throw new IllegalArgumentException("a thought needs id >= 0, a parent before it (-1 only at depth 0);"
          + " got id " + id + ", parent " + parent + ", depth " + depth);
    }
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("a thought's score must be in [0, 1]; got " + score + " at node " + id);
    }
  }

  /** This node with the memories recalled when it was expanded. */
  Thought withMemories(List<String> recalled) {
    return new Thought(id, parent, depth, text, recalled, score, done, chosen);
  }

  /** This node marked as on the chosen path. */
  Thought asChosen() {
    return new Thought(id, parent, depth, text, memories, score, done, true);
  }
}
