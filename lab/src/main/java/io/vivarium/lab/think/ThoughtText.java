package io.vivarium.lab.think;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The text a thinking brain reads and is trained on: one line {@code =memory} per recalled
 * memory, then {@code Q: question}, then {@code A: } and the path so far, which the brain
 * continues. A conclusion is trained as this context's answer, so what is trained is what is
 * asked. Stateless.
 */
public final class ThoughtText {
  /** The most bytes of one memory line. */
  static final int MEMORY_BYTES = 64;

  private ThoughtText() {}

  /** {@code query} stripped, when it is a question that fits {@code budget} bytes; else a clear error. */
  static String requireQuestion(String query, int budget) {
    String q = query == null ? "" : query.strip();
    if (q.isEmpty()) {
      throw new IllegalArgumentException("the question is empty; give the question to think about, e.g."
          + " \"What is the capital of Zurland?\"");
    }
    int n = q.getBytes(StandardCharsets.UTF_8).length;
    if (n > budget) {
      throw new IllegalArgumentException("the question has " + n + " bytes but the brain reads at most "
          + Math.max(budget, 0) + " of them with think.tokens; shorten it or use a brain with a larger block");
    }
    return q;
  }

  /** The text of the path from the root's child to node {@code id} (empty for the root). */
  static String path(List<Thought> nodes, int id) {
    Deque<String> parts = new ArrayDeque<>();
    for (int i = id; i > 0; i = nodes.get(i).parent()) {
      parts.push(nodes.get(i).text());
    }
    return String.join("", parts);
  }

  /** The context for continuing {@code path} as the answer to {@code query}, at most {@code budget} bytes. */
  public static byte[] context(List<String> memories, String query, String path, int budget) {
    byte[] tail = ("Q: " + query + "\nA: " + path).getBytes(StandardCharsets.UTF_8);
    StringBuilder m = new StringBuilder();
    for (String memory : memories) {
      String line = "=" + memory.replace('\n', ' ');
      byte[] b = line.getBytes(StandardCharsets.UTF_8);
      m.append(new String(b, 0, Math.min(b.length, MEMORY_BYTES), StandardCharsets.UTF_8)).append('\n');
    }
    byte[] head = m.toString().getBytes(StandardCharsets.UTF_8);
    int room = Math.max(0, budget - tail.length);
    byte[] out = Arrays.copyOf(head, Math.min(head.length, room) + tail.length);
    System.arraycopy(tail, Math.max(0, tail.length - budget), out, Math.min(head.length, room),
        Math.min(tail.length, budget));
    return Arrays.copyOf(out, Math.min(out.length, Math.min(head.length, room) + Math.min(tail.length, budget)));
  }
}
