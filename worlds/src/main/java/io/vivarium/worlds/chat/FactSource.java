package io.vivarium.worlds.chat;

import io.vivarium.core.Seeds;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Questions about facts, one template per relation ("What is the capital of Freedonia?"; other
 * relations: "What is the {relation} of {subject}?"). A seeded share of the facts is held out:
 * a fact is held out when a number drawn from its key alone falls below the share, so the split
 * never depends on the order, the run or the machine. The training source asks only the other
 * facts, the held-out source only those; both put every fact into the memory. Immutable.
 */
public final class FactSource implements QuestionSource {
  private static final long SPLIT_SEED = 0x4e1d_0007L;
  private static final Map<String, String> TEMPLATES = Map.of(
      "capital", "What is the capital of %s?",
      "flag colour", "What colour is the flag of %s?",
      "founded", "In what year was %s founded?",
      "height", "How tall is %s?",
      "born", "In what year was %s born?",
      "favourite colour", "What is the favourite colour of %s?",
      "home", "In which country does %s live?");
  private final List<ChatFact> all;
  private final List<ChatFact> asked;

  /**
   * Asks the facts of {@code all} on the {@code heldOut} side of the split ({@code share} is
   * the held-out share, in [0, 0.9]).
   */
  public FactSource(List<ChatFact> all, double share, boolean heldOut) {
    if (!(share >= 0 && share <= 0.9)) {
      throw new IllegalArgumentException("world.chat.heldOut must be in [0, 0.9]; got " + share);
    }
    this.all = List.copyOf(all);
    this.asked = all.stream().filter(f -> heldOut(f, share) == heldOut).toList();
    if (asked.isEmpty()) {
      throw new IllegalArgumentException("no " + (heldOut ? "held-out" : "training") + " facts among " + all.size()
          + " with world.chat.heldOut=" + share + "; use more facts or " + (heldOut ? "raise" : "lower")
          + " world.chat.heldOut");
    }
  }

  /** Whether {@code f} is held out at {@code share}: decided by its key alone. */
  public static boolean heldOut(ChatFact f, double share) {
    long h = Seeds.derive(SPLIT_SEED, f.key());
    return (h >>> 11) * 0x1.0p-53 < share;
  }

  /** The question that asks for {@code f}'s value. */
  public static String question(ChatFact f) {
    String t = TEMPLATES.get(f.relation());
    return t != null ? String.format(t, f.subject()) : "What is the " + f.relation() + " of " + f.subject() + "?";
  }

  /** The facts this source asks about. */
  public List<ChatFact> asked() {
    return asked;
  }

  @Override
  public Query ask(long seed) {
    ChatFact f = asked.get(new SplittableRandom(seed).nextInt(asked.size()));
    return new Query(question(f), f.key(), f.value(), "facts");
  }

  @Override
  public List<ChatFact> memoryFacts() {
    return all;
  }
}
