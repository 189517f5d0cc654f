package io.vivarium.worlds.chat;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Arithmetic questions with small numbers: sums of two numbers below 100 and products of two
 * numbers up to 12 ("What is 17 + 25?" → {@code 42}), graded like facts. Nothing goes into the
 * fact memory. Immutable.
 */
public final class ArithSource implements QuestionSource {
  @Override
  public Query ask(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    if (r.nextBoolean()) {
      int a = r.nextInt(100);
      int b = r.nextInt(100);
      return new Query("What is " + a + " + " + b + "?", "", Integer.toString(a + b), "arith");
    }
    int a = r.nextInt(13);
    int b = r.nextInt(13);
    return new Query("What is " + a + " * " + b + "?", "", Integer.toString(a * b), "arith");
  }

  @Override
  public List<ChatFact> memoryFacts() {
    return List.of();
  }
}
