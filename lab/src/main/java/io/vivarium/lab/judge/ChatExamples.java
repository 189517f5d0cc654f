package io.vivarium.lab.judge;

import io.vivarium.core.Seeds;
import io.vivarium.lab.judge.FactQuiz.Fact;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Graded answers to fact questions for the question {@value #QUESTION}: per fact the right
 * value, the right value in a sentence, a wrong value of the same relation (another fact's, held out or not), the
 * right value misspelt, and an empty answer. The grader ({@link #states}): yes when the answer,
 * read as lower-case words (punctuation and spaces between them ignored), holds
 * the value's words in a row.
 *
 * <p>Immutable and thread-safe.
 */
public final class ChatExamples implements Examples {
  /** The evaluator's question about an answer to a fact question. */
  public static final String QUESTION = "Does the answer state the fact asked for?";

  private final FactQuiz quiz;

  /** Answers to the questions of {@code quiz}. */
  public ChatExamples(FactQuiz quiz) {
    this.quiz = quiz;
  }

  @Override
  public String world() {
    return "chat";
  }

  @Override
  public String question() {
    return QUESTION;
  }

  @Override
  public List<Graded> make(boolean heldOut, int count, long seed) {
    List<Fact> facts = heldOut ? quiz.heldOut() : quiz.training();
    SplittableRandom rng = Seeds.random(seed, "evaluator-chat", heldOut ? 1 : 0);
    List<Fact> all = new ArrayList<>(quiz.training());
    all.addAll(quiz.heldOut());
    List<Graded> out = new ArrayList<>();
    while (out.size() < count) {
      out.addAll(answers(facts.get(rng.nextInt(facts.size())), all, rng));
    }
    return out;
  }

  /** The graded answers to the question for {@code fact}; wrong values come from {@code others}. */
  public List<Graded> answers(Fact fact, List<Fact> others, SplittableRandom rng) {
    String prompt = quiz.prompt(fact);
    List<Graded> out = new ArrayList<>();
    add(out, prompt, fact, fact.value(), "right");
    add(out, prompt, fact, "The " + fact.relation() + " of " + fact.subject() + " is " + fact.value() + ".",
        "right-sentence");
    List<String> wrong = others.stream().filter(o -> o.relation().equals(fact.relation()))
        .map(Fact::value).filter(v -> !v.equalsIgnoreCase(fact.value())).toList();
    if (!wrong.isEmpty()) {
      add(out, prompt, fact, wrong.get(rng.nextInt(wrong.size())), "wrong");
    }
    add(out, prompt, fact, misspelt(fact.value(), rng), "misspelt");
    add(out, prompt, fact, "", "empty");
    return out;
  }

  private static void add(List<Graded> out, String prompt, Fact fact, String answer, String kind) {
    out.add(new Graded(QUESTION, prompt, answer, states(fact.value(), answer), kind));
  }

  /** Whether {@code answer} states {@code value}: holds its words in a row, ignoring case and punctuation. */
  public static boolean states(String value, String answer) {
    String v = words(value);
    return !v.isBlank() && (" " + words(answer) + " ").contains(" " + v + " ");
  }

  /** Lower-cased letters and digits, every other run of characters one space. */
  private static String words(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  /** {@code value} with two neighbouring letters swapped, or one letter doubled when it has no two. */
  static String misspelt(String value, SplittableRandom rng) {
    if (value.length() < 2) {
      return value + value;
    }
    int i = rng.nextInt(value.length() - 1);
    if (value.charAt(i) == value.charAt(i + 1)) {
      return value.substring(0, i) + value.charAt(i) + value.substring(i);
    }
    return value.substring(0, i) + value.charAt(i + 1) + value.charAt(i) + value.substring(i + 2);
  }
}
