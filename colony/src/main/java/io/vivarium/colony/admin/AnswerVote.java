package io.vivarium.colony.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A fitness-weighted vote among answers to one question (seed 003's population answer): live
 * agents' answers and recalled memories both vote; each distinct answer (trimmed) collects its
 * voters' weights and the heaviest wins. Not thread-safe; build it on one thread.
 */
public final class AnswerVote {
  private final Map<String, Tally> tallies = new LinkedHashMap<>();

  /** One voter behind an answer: {@code agent a0001} or {@code memory #12 (a0002)}, with its weight. */
  public record Voter(String who, double weight) {
    public Voter {
      Objects.requireNonNull(who, "voter");
    }
  }

  /**
   * One distinct answer's tally.
   *
   * @param answer the answer text, trimmed
   * @param weight its voters' weights summed
   * @param voters who voted for it, in order
   */
  public record Tally(String answer, double weight, List<Voter> voters) {
    public Tally {
      voters = List.copyOf(voters);
    }
  }

  /** The weight of a voter of {@code fitness} at {@code similarity} to the question: {@code max(similarity, 0) · sigmoid(fitness)}. */
  public static double weight(double similarity, double fitness) {
    return Math.max(similarity, 0) / (1 + Math.exp(-fitness));
  }

  /** Adds {@code who}'s vote of {@code weight} for {@code answer}; blank answers do not vote. */
  public AnswerVote add(String answer, String who, double weight) {
    String a = answer == null ? "" : answer.trim();
    if (a.isEmpty() || !(weight >= 0) || Double.isInfinite(weight)) {
      return this;
    }
    Tally t = tallies.getOrDefault(a, new Tally(a, 0, List.of()));
    List<Voter> voters = new ArrayList<>(t.voters());
    voters.add(new Voter(who, weight));
    tallies.put(a, new Tally(a, t.weight() + weight, voters));
    return this;
  }

  /** Every distinct answer, heaviest first (ties: the one voted first). */
  public List<Tally> tallies() {
    List<Tally> out = new ArrayList<>(tallies.values());
    out.sort((x, y) -> Double.compare(y.weight(), x.weight())); // stable
    return out;
  }

  /** The winner's share of all the weight, in [0, 1]; 0 without votes. */
  public double share() {
    List<Tally> t = tallies();
    double total = t.stream().mapToDouble(Tally::weight).sum();
    if (t.isEmpty()) {
      return 0;
    }
    return total == 0 ? 1.0 / t.size() : t.get(0).weight() / total;
  }
}
