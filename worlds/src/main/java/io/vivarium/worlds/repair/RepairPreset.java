package io.vivarium.worlds.repair;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The shape of a repair episode.
 *
 * @param name the registered name, e.g. {@code repair-1to3}
 * @param minOps the fewest corruption operations applied to the passage
 * @param maxOps the most operations applied
 * @param herrings clean passages shown beside the damaged one (0 shows the passage alone)
 * @param showDiagnosis whether the observation lists the diagnosis lines
 * @param operations the operations drawn from
 */
public record RepairPreset(
    String name, int minOps, int maxOps, int herrings, boolean showDiagnosis,
    Set<Operation> operations) {

  public RepairPreset {
    Objects.requireNonNull(name, "name");
    if (minOps < 1 || maxOps < minOps || maxOps > 64) {
      throw new IllegalArgumentException(
          "repair preset " + name + " needs 1 <= minOps <= maxOps <= 64; got minOps=" + minOps
              + ", maxOps=" + maxOps);
    }
    if (herrings < 0 || herrings > 16) {
      throw new IllegalArgumentException(
          "repair preset " + name + " needs 0..16 herring passages; got " + herrings);
    }
    if (operations.isEmpty()) {
      throw new IllegalArgumentException("repair preset " + name + " needs at least one operation");
    }
    operations = java.util.Collections.unmodifiableSet(EnumSet.copyOf(operations)); // ordered
  }

  /** A preset drawing from all fourteen operations. */
  public static RepairPreset of(String name, int minOps, int maxOps, int herrings, boolean diagnosis) {
    return new RepairPreset(name, minOps, maxOps, herrings, diagnosis, EnumSet.allOf(Operation.class));
  }

  /** Whether the observation is framed (file headers) rather than the bare passage. */
  public boolean framed() {
    return herrings > 0 || showDiagnosis;
  }
}
