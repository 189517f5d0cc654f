package io.vivarium.memory;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a fitness-weighted vote among recalled payloads (seed 003's population
 * answer): every distinct payload collects the weights of the hits that carry it, and the
 * heaviest wins.
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
