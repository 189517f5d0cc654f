package io.vivarium.worlds.repair;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The shape of a repair episode. Immutable and thread-safe.
 *
 * @param name the registered name, e.g. {@code repair-1to3}
 * @param minOps the fewest corruption operations applied to the passage
 * @param maxOps the most operations applied
 * @param herrings clean passages shown beside the damaged one (0 shows the passage alone)
 * @param showDiagnosis whether the observation lists the diagnosis lines
 * @param operations the operations drawn from
 * @param passageChars passage length of the built-in corpus for this preset (a corpus file
 *     given instead sets its own)
 */
public record RepairPreset(
    String name, int minOps, int maxOps, int herrings, boolean showDiagnosis,
    Set<Operation> operations, int passageChars) {

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
    if (passageChars < 80 || passageChars > 100_000) {
      throw new IllegalArgumentException(
          "repair preset " + name + " needs passageChars in 80..100000; got " + passageChars);
    }
    if (operations.isEmpty()) {
      throw new IllegalArgumentException("repair preset " + name + " needs at least one operation");
    }
    operations = java.util.Collections.unmodifiableSet(EnumSet.copyOf(operations)); // ordered
  }

  /** Passage length of the built-in corpus unless a preset says otherwise. */
  public static final int PASSAGE_CHARS = 600;

  /** A preset drawing from all fourteen operations over 600-character passages. */
  public static RepairPreset of(String name, int minOps, int maxOps, int herrings, boolean diagnosis) {
    return new RepairPreset(name, minOps, maxOps, herrings, diagnosis,
        EnumSet.allOf(Operation.class), PASSAGE_CHARS);
  }

  /** This preset with passages of {@code chars} characters in the built-in corpus. */
  public RepairPreset withPassageChars(String newName, int chars) {
    return new RepairPreset(newName, minOps, maxOps, herrings, showDiagnosis, operations, chars);
  }

  /** The built-in generated corpus with this preset's passage length. */
  public GeneratedCorpus builtInCorpus() {
    return GeneratedCorpus.standard().withPassageChars(passageChars);
  }

  /** Whether the observation is framed (file headers) rather than the bare passage. */
  public boolean framed() {
    return herrings > 0 || showDiagnosis;
  }
}
