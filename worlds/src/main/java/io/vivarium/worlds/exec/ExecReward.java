package io.vivarium.worlds.exec;

import io.vivarium.core.world.ColonyCounts;
import io.vivarium.core.Entropy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores one run of the exec world. Presets: {@code syscall-evenness}, {@code byte-entropy},
 * {@code global-entropy}, and weighted sums written {@code 0.7*syscall-evenness+0.3*byte-entropy}.
 * Formulas in {@code docs/sandbox.md}. Implementations are stateless apart from the shared
 * {@link ColonyCounts}, and thread-safe.
 */
@FunctionalInterface
public interface ExecReward {
  /** The names {@link #parse} knows. */
  List<String> NAMES = List.of("syscall-evenness", "byte-entropy", "global-entropy");

  /** The reward of running {@code program} with result {@code outcome}, in [0, 1] for presets. */
  double score(byte[] program, ExecOutcome outcome);

  /**
   * Pielou's evenness of the histogram: the Shannon entropy of the call counts over the
   * distinct calls made, divided by the log of their number; 0 with fewer than two distinct
   * calls. The executor's own exec is not in the histogram.
   */
  static double syscallEvenness(ExecOutcome o) {
    int[] h = o.histogram();
    int distinct = 0;
    for (int c : h) {
      distinct += c > 0 ? 1 : 0;
    }
    return distinct < 2 ? 0 : Entropy.nats(h) / Math.log(distinct);
  }

  /** Shannon entropy of the byte counts, in bits per byte divided by 8.  // counts: (256) */
  static double entropyPerByte(long[] counts) {
    return Entropy.bits(counts) / 8;
  }

  /** Entropy per byte of the program itself, divided by 8. */
  static double byteEntropy(byte[] program) {
    long[] counts = new long[256];
    for (byte b : program) {
      counts[b & 0xFF]++;
    }
    return entropyPerByte(counts);
  }

  /** Parses a reward name or weighted sum; {@code counts} feeds {@code global-entropy}. */
  static ExecReward parse(String spec, ColonyCounts counts) {
    List<ExecReward> terms = new ArrayList<>();
    for (String term : spec.toLowerCase(Locale.ROOT).replace(" ", "").split("\\+")) {
      String[] wn = term.split("\\*");
      double weight = 1;
      if (wn.length == 2) {
        try {
          weight = Double.parseDouble(wn[0]);
        } catch (NumberFormatException e) {
          throw bad(spec, "weight '" + wn[0] + "' is not a number");
        }
      } else if (wn.length != 1) {
        throw bad(spec, "term '" + term + "' is not name or weight*name");
      }
      terms.add(weighted(weight, named(wn[wn.length - 1], counts, spec)));
    }
    return (program, outcome) -> {
      double sum = 0;
      for (ExecReward r : terms) {
        sum += r.score(program, outcome);
      }
      return sum;
    };
  }

  private static ExecReward weighted(double w, ExecReward r) {
    return (p, o) -> w * r.score(p, o);
  }

  private static ExecReward named(String name, ColonyCounts counts, String spec) {
    return switch (name) {
      case "syscall-evenness" -> (p, o) -> syscallEvenness(o);
      case "byte-entropy" -> (p, o) -> byteEntropy(p);
      case "global-entropy" -> (p, o) -> {
        counts.add(p);
        return entropyPerByte(counts.snapshot());
      };
      default -> throw bad(spec, "unknown reward '" + name + "'; known rewards: " + NAMES);
    };
  }

  private static IllegalArgumentException bad(String spec, String why) {
    return new IllegalArgumentException("exec reward '" + spec + "' is invalid: " + why
        + "; write a name or a sum such as 0.7*syscall-evenness+0.3*byte-entropy");
  }
}
