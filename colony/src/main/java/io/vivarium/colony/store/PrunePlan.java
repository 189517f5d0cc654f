package io.vivarium.colony.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which checkpoints a prune would delete: per agent, all but the newest {@code keepLast},
 * and with {@code keepBest} also all but the {@code keepLast} fittest. An agent's newest and
 * its fittest checkpoint are always kept, whatever the numbers say.
 *
 * @param keep the checkpoints that stay
 * @param delete the checkpoints that would go
 */
public record PrunePlan(List<Checkpoint> keep, List<Checkpoint> delete) {

  /** The plan for {@code checkpoints} (of any number of agents). */
  public static PrunePlan of(List<Checkpoint> checkpoints, int keepLast, boolean keepBest) {
    if (keepLast < 1) {
      throw new IllegalArgumentException("--keep-last must be at least 1 (an agent's newest checkpoint "
          + "is never deleted); got " + keepLast);
    }
    Map<String, List<Checkpoint>> byAgent = new LinkedHashMap<>();
    for (Checkpoint c : checkpoints) {
      byAgent.computeIfAbsent(c.agent(), a -> new ArrayList<>()).add(c);
    }
    List<Checkpoint> keep = new ArrayList<>();
    List<Checkpoint> delete = new ArrayList<>();
    for (List<Checkpoint> mine : byAgent.values()) {
      List<Checkpoint> newest = mine.stream()
          .sorted(Comparator.comparingLong(Checkpoint::step).reversed()).toList();
      List<Checkpoint> fittest = mine.stream()
          .sorted(Comparator.comparingDouble(Checkpoint::fitness).reversed()
              .thenComparing(Comparator.comparingLong(Checkpoint::step).reversed())).toList();
      Set<Checkpoint> kept = new HashSet<>(newest.subList(0, Math.min(keepLast, newest.size())));
      kept.add(fittest.get(0));
      if (keepBest) {
        kept.addAll(fittest.subList(0, Math.min(keepLast, fittest.size())));
      }
      for (Checkpoint c : newest) {
        (kept.contains(c) ? keep : delete).add(c);
      }
    }
    return new PrunePlan(List.copyOf(keep), List.copyOf(delete));
  }
}
