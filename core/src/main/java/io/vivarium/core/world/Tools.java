package io.vivarium.core.world;

import java.util.List;
import java.util.Objects;

/**
 * A {@link WorldBatch} capability: the tools a text world offers an agent that weaves (seed 004's
 * weave agent: each tick an {@code action} block calls one tool), how a call becomes the world's
 * actions, and the evaluator's yes/no questions about a tick. A world that has it can be woven
 * ({@code world.mode=weave}); the weave wrapper never needs the world's own classes. Read on the
 * thread that steps the batch.
 */
public interface Tools {
  /** The tools this world offers, in the order they are documented. */
  List<Tool> tools();

  /**
   * The actions instance {@code i} takes for a call of {@code tool} with {@code argument} (the
   * rest of the action block after the tool's name, its first space and line breaks kept): one
   * action for one-answer worlds, one per key for the terminal.
   *
   * @throws IllegalArgumentException naming the tool, the rule and the fix when the call is not
   *     one this world accepts (an unknown tool, an empty or oversized argument); the weaver shows
   *     the message in the tick's observation
   */
  List<Action> call(int i, String tool, String argument);

  /**
   * The action of instance {@code i} when it does nothing this step (its tick was malformed, a
   * look-up, or its call is done while others' go on): an answer that changes nothing (repair:
   * the damaged passage as it is), a key that types nothing (terminal).
   */
  Action idle(int i);

  /** What instance {@code i} is asked to do now, as the evaluator's prompt (repair: the damaged passage). */
  String task(int i);

  /**
   * What instance {@code i}'s last step came to, in a line or a few, for the tick's observation
   * (repair: how the answer was read and its distance before and after); empty when the world
   * has nothing to add to its next observation.
   */
  String outcome(int i);

  /** The evaluator's yes/no questions about a tick of this world (docs/evaluator.md). */
  List<String> questions();

  /**
   * The tool call a good agent makes for instance {@code i} now, as the text of an action block
   * (e.g. {@code answer Fenwick}); empty when the world knows none.
   */
  String expertCall(int i);

  /**
   * One tool.
   *
   * @param name its name, the first word of an action block: lower-case letters, 1-16
   * @param usage one line saying how to call it, e.g. {@code answer TEXT: answer the question}
   */
  record Tool(String name, String usage) {
    public Tool {
      Objects.requireNonNull(name, "tool name");
      Objects.requireNonNull(usage, "tool usage");
      if (!name.matches("[a-z]{1,16}")) {
        throw new IllegalArgumentException("a tool name must be 1-16 lower-case letters; got '" + name + "'");
      }
      if (usage.isBlank() || usage.contains("\n")) {
        throw new IllegalArgumentException("tool " + name + "'s usage must be one non-blank line; got '" + usage + "'");
      }
    }
  }
}
