package io.vivarium.lab.think;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A finished tree of thought: the question, every node (parents before children), the judge that
 * scored them and the conclusion, the text of the path from the root to the best-scored leaf.
 * Immutable; JSON through {@link #toJson()} / {@link #fromJson(String)}.
 *
 * @param query the question
 * @param judge what scored the nodes, e.g. {@code chat grader} or {@code evaluator brain}
 * @param seed the seed the continuations were drawn from
 * @param nodes the nodes, {@code nodes.get(i).id() == i}, the root first
 * @param conclusion the chosen path's text (the answer)
 * @param score the chosen leaf's score
 */
public record ThoughtTree(String query, String judge, long seed, List<Thought> nodes, String conclusion,
    double score) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public ThoughtTree {
    Objects.requireNonNull(query, "tree query");
    Objects.requireNonNull(judge, "tree judge");
    Objects.requireNonNull(conclusion, "tree conclusion");
    nodes = List.copyOf(nodes);
    if (nodes.isEmpty() || nodes.get(0).depth() != 0) {
      throw new IllegalArgumentException("a tree of thought starts with its root (depth 0); got "
          + (nodes.isEmpty() ? "no nodes" : "depth " + nodes.get(0).depth()));
    }
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).id() != i) {
        throw new IllegalArgumentException("tree node " + i + " has id " + nodes.get(i).id() + "; ids are indices");
      }
    }
  }

  /** The children of node {@code id}, in order. */
  public List<Thought> children(int id) {
    return nodes.stream().filter(t -> t.parent() == id).toList();
  }

  /** The deepest level reached. */
  public int depth() {
    return nodes.stream().mapToInt(Thought::depth).max().orElse(0);
  }

  /** The chosen path from the root's first child to the chosen leaf. */
  public List<Thought> chosenPath() {
    return nodes.stream().filter(t -> t.chosen() && t.depth() > 0).toList();
  }

  /** This tree as JSON. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of thought did not serialise: " + e.getMessage(), e);
    }
  }

  /** The tree in {@code json}; a clear error naming the rule when it is not one. */
  public static ThoughtTree fromJson(String json) {
    try {
      return JSON.readValue(json, ThoughtTree.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a tree of thought (JSON with query, judge, seed, nodes,"
          + " conclusion, score): " + e.getOriginalMessage());
    }
  }

  /** The tree drawn as indented text: one line per node with its score, {@code *} on the chosen path. */
  public String render() {
    StringBuilder b = new StringBuilder();
    b.append("? ").append(query).append('\n');
    draw(b, 0);
    b.append(String.format(Locale.ROOT, "conclusion (%.3f, judged by %s): %s%n", score, judge, conclusion));
    return b.toString();
  }

  private void draw(StringBuilder b, int id) {
    for (Thought c : children(id)) {
      b.append("  ".repeat(c.depth())).append(c.chosen() ? "* " : "- ")
          .append(String.format(Locale.ROOT, "[%.3f] ", c.score())).append(visible(c.text()))
          .append(c.done() ? " ⏎" : "").append('\n');
      draw(b, c.id());
    }
  }

  private static String visible(String s) {
    StringBuilder b = new StringBuilder("\"");
    s.codePoints().forEach(cp -> {
      if (cp < 0x20 || cp == 0x7f) {
        b.append(String.format(Locale.ROOT, "\\x%02x", cp));
      } else {
        b.appendCodePoint(cp);
      }
    });
    return b.append('"').toString();
  }
}
