package io.vivarium.memory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a fitness-weighted vote among recalled payloads (seed 003's population
 * answer): every distinct payload collects the weights of the hits that carry it, and the
 * heaviest wins. Immutable (payload arrays are shared with the hits).
 *
 * @param votes the distinct payloads, heaviest first; never empty
 */
public record Consensus(List<Vote> votes) {
  public Consensus {
    votes = List.copyOf(votes);
    if (votes.isEmpty()) {
      throw new IllegalArgumentException("a consensus needs at least one vote; got none");
    }
  }

  /**
   * Tallies non-empty {@code hits}: each weighs {@code max(similarity, 0) * sigmoid(fitness)};
   * identical payloads add up; among equal weights the payload recalled first wins.
   */
  public static Consensus of(List<Hit> hits) {
    Map<ByteBuffer, Tally> tallies = new LinkedHashMap<>();
    for (Hit h : hits) {
      Tally t = tallies.computeIfAbsent(ByteBuffer.wrap(h.entry().payload()), x -> new Tally());
      t.weight += Math.max(h.similarity(), 0) / (1 + Math.exp(-h.fitness()));
      t.hits++;
      if (!t.agents.contains(h.entry().agent())) {
        t.agents.add(h.entry().agent());
      }
    }
    List<Vote> votes = new ArrayList<>();
    tallies.forEach((p, t) -> votes.add(new Vote(p.array(), t.weight, t.hits, t.agents)));
    votes.sort((a, b) -> Double.compare(b.weight(), a.weight())); // stable
    return new Consensus(votes);
  }

  private static final class Tally {
    double weight;
    int hits;
    final List<String> agents = new ArrayList<>();
  }

  /** The winning payload. */
  public byte[] payload() {
    return votes.get(0).payload();
  }

  /** The winner's share of the total weight, in (0, 1]. */
  public double share() {
    double total = votes.stream().mapToDouble(Vote::weight).sum();
    return total == 0 ? 1.0 / votes.size() : votes.get(0).weight() / total;
  }

  /**
   * One distinct payload's tally.
   *
   * @param payload the payload bytes
   * @param weight the summed weight {@code max(similarity, 0) * sigmoid(fitness)} of its hits
   * @param hits how many recalled entries carried it
   * @param agents the distinct writers, in recall order
   */
  public record Vote(byte[] payload, double weight, int hits, List<String> agents) {
    public Vote {
      Objects.requireNonNull(payload, "vote payload");
      agents = List.copyOf(agents);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Vote v && Arrays.equals(payload, v.payload)
          && Double.compare(weight, v.weight) == 0 && hits == v.hits && agents.equals(v.agents);
    }

    @Override
    public int hashCode() {
      return Objects.hash(Arrays.hashCode(payload), weight, hits, agents);
    }
  }
}
