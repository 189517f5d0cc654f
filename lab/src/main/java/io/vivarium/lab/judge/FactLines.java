package io.vivarium.lab.judge;

import io.vivarium.core.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A plain {@link FactQuiz}: facts from {@code subject | relation | value} lines, every tenth
 * held out, asked as {@code fact: S | R | V} (the asked fact as a fact memory would show it)
 * followed by {@code question: what is the R of S?}. {@link #generated} makes made-up facts, for
 * an evaluator trained before the chat world's own facts are at hand.
 *
 * <p>Immutable and thread-safe.
 */
public final class FactLines implements FactQuiz {
  private static final String[] RELATIONS = {"colour", "capital", "founder", "year", "river", "height"};
  private static final String SYLLABLES = "ba ko ri mu ten sal vor el an dus pim gra lo fe zu nir";

  private final List<Fact> training = new ArrayList<>();
  private final List<Fact> heldOut = new ArrayList<>();

  /** The facts of {@code lines}; {@code source} names them in errors. */
  public FactLines(List<String> lines, String source) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\|", -1);
      if (parts.length != 3) {
        throw new IllegalArgumentException(source + " line " + (i + 1) + ": a fact is 'subject | relation | value'"
            + " (three parts between two '|'); got '" + line + "'");
      }
      Fact f = new Fact(parts[0].strip(), parts[1].strip(), parts[2].strip());
      ((training.size() + heldOut.size()) % 10 == 9 ? heldOut : training).add(f);
    }
    if (training.isEmpty() || heldOut.isEmpty()) {
      throw new IllegalArgumentException(source + " holds " + (training.size() + heldOut.size()) + " facts; give at"
          + " least 10 so that one in ten can be held out");
    }
  }

  /** {@code count} made-up facts (made-up subjects, six relations, made-up values) from {@code seed}. */
  public static FactLines generated(int count, long seed) {
    SplittableRandom rng = Seeds.random(seed, "evaluator-facts", 0);
    String[] syl = SYLLABLES.split(" ");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String relation = RELATIONS[rng.nextInt(RELATIONS.length)];
      String value = relation.equals("year") ? Integer.toString(1500 + rng.nextInt(520))
          : relation.equals("height") ? (100 + rng.nextInt(120)) + " cm" : word(syl, rng, 2);
      lines.add(word(syl, rng, 3) + " " + i + " | " + relation + " | " + value);
    }
    return new FactLines(lines, "generated facts");
  }

  private static String word(String[] syl, SplittableRandom rng, int n) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < n; k++) {
      b.append(syl[rng.nextInt(syl.length)]);
    }
    return b.substring(0, 1).toUpperCase(Locale.ROOT) + b.substring(1);
  }

  @Override
  public List<Fact> training() {
    return List.copyOf(training);
  }

  @Override
  public List<Fact> heldOut() {
    return List.copyOf(heldOut);
  }

  @Override
  public String prompt(Fact fact) {
    return "fact: " + fact.subject() + " | " + fact.relation() + " | " + fact.value() + "\nquestion: what is the "
        + fact.relation() + " of " + fact.subject() + "?";
  }
}
