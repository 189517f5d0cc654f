package io.vivarium.worlds.exec;

import io.vivarium.core.Entropy;
import io.vivarium.core.world.ColonyCounts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleBiFunction;

/**
 * Scores one run of the exec world. Presets: {@code syscall-evenness}, {@code byte-entropy},
 * {@code global-entropy}, {@code distinct-calls}, and weighted sums written
 * {@code 0.7*syscall-evenness+0.3*byte-entropy}. Formulas in {@code docs/worlds.md}.
 *
 * <p>{@link #scored} is the one call per run: it computes every term once, so
 * {@code global-entropy} adds the program's bytes to the colony's counts once. {@link #score}
 * and {@link #terms} each call it, so a caller that wants both calls {@link #scored} instead.
 * Implementations are stateless apart from the shared {@link ColonyCounts}, and thread-safe.
 */
@FunctionalInterface
public interface ExecReward {
  /** The names {@link #parse} knows. */
  List<String> NAMES = List.of("syscall-evenness", "byte-entropy", "global-entropy", "distinct-calls");

  /** Distinct system calls at which {@code distinct-calls} reaches 1. */
  int DISTINCT_CALLS_FULL = 16;

  /**
   * The reward of running {@code program} with result {@code outcome}: the total and each
   * term. Call it once per run (see the class comment).
   */
  Scored scored(byte[] program, ExecOutcome outcome);

  /** The total reward of one run, in [0, 1] for a single preset. */
  default double score(byte[] program, ExecOutcome outcome) {
    return scored(program, outcome).total();
  }

  /** Each term's unweighted value by reward name, in the spec's order. */
  default Map<String, Double> terms(byte[] program, ExecOutcome outcome) {
    return scored(program, outcome).terms();
  }

  /**
   * One run's reward.
   *
   * @param total the weighted sum of the terms
   * @param terms each reward name's unweighted value, in the spec's order (copied, read-only)
   */
  record Scored(double total, Map<String, Double> terms) {
    public Scored {
      Objects.requireNonNull(terms, "terms");
      terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
    }

    /** One line per term and the total, e.g. {@code syscall-evenness 0.9183}. */
    public String text() {
      StringBuilder b = new StringBuilder();
      terms.forEach((name, v) -> b.append(String.format(Locale.ROOT, "%s %.4f%n", name, v)));
      return b.append(String.format(Locale.ROOT, "total %.4f", total)).toString();
    }
  }

  /**
   * Pielou's evenness of the histogram: the Shannon entropy of the call counts over the
   * distinct calls made, divided by the log of their number; 0 with fewer than two distinct
   * calls. The executor's own exec is not in the histogram.
   */
  static double syscallEvenness(ExecOutcome o) {
    int distinct = distinct(o);
    return distinct < 2 ? 0 : Entropy.nats(o.histogram()) / Math.log(distinct);
  }

  /** Distinct system calls of the run, over all ABIs, divided by 16 and capped at 1. */
  static double distinctCalls(ExecOutcome o) {
    return Math.min(1.0, (double) distinct(o) / DISTINCT_CALLS_FULL);
  }

  /** Distinct (ABI, number) system calls of the run. */
  static int distinct(ExecOutcome o) {
    int distinct = 0;
    for (int c : o.histogram()) {
      distinct += c > 0 ? 1 : 0;
    }
    return distinct;
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

  /**
   * Parses a reward name or weighted sum; {@code counts} feeds {@code global-entropy}. A name
   * may appear once (add its weights instead); weights are finite numbers.
   */
  static ExecReward parse(String spec, ColonyCounts counts) {
    Objects.requireNonNull(spec, "spec");
    List<String> names = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    List<ToDoubleBiFunction<byte[], ExecOutcome>> terms = new ArrayList<>();
    for (String term : spec.toLowerCase(Locale.ROOT).replace(" ", "").split("\\+", -1)) {
      String[] wn = term.split("\\*", -1);
      double weight = 1;
      if (wn.length == 2) {
        weight = weight(spec, wn[0]);
      } else if (wn.length != 1) {
        throw bad(spec, "term '" + term + "' is not name or weight*name");
      }
      String name = wn[wn.length - 1];
      if (names.contains(name)) {
        throw bad(spec, "reward '" + name + "' appears twice; add its weights into one term");
      }
      terms.add(named(name, counts, spec));
      names.add(name);
      weights.add(weight);
    }
    return (program, outcome) -> {
      Map<String, Double> values = new LinkedHashMap<>();
      double total = 0;
      for (int i = 0; i < terms.size(); i++) {
        double v = terms.get(i).applyAsDouble(program, outcome);
        values.put(names.get(i), v);
        total += weights.get(i) * v;
      }
      return new Scored(total, values);
    };
  }

  private static double weight(String spec, String text) {
    double w;
    try {
      w = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw bad(spec, "weight '" + text + "' is not a number");
    }
    if (!Double.isFinite(w)) {
      throw bad(spec, "weight '" + text + "' is not finite");
    }
    return w;
  }

  private static ToDoubleBiFunction<byte[], ExecOutcome> named(String name, ColonyCounts counts, String spec) {
    return switch (name) {
      case "syscall-evenness" -> (p, o) -> syscallEvenness(o);
      case "byte-entropy" -> (p, o) -> byteEntropy(p);
      case "distinct-calls" -> (p, o) -> distinctCalls(o);
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
