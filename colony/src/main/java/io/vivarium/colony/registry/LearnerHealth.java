package io.vivarium.colony.registry;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;

/**
 * The learning-health rule, in one place: from an agent's newest {@value #WINDOW} values of
 * each learner metric, whether its learning has stalled. Stateless; thread-safe.
 *
 * <p>An agent is flagged {@code entropy collapsed} when every one of its newest 20
 * {@code entropy} values is below 0.01 nats (its policy is deterministic and stops exploring),
 * {@code kl collapsed} when every one of its newest 20 {@code approx_kl} values is below 1e-7
 * (the policy no longer moves), and {@code value not learning} when every one of its newest 20
 * {@code explained_variance} values is at most 0 (the critic predicts returns no better than
 * their mean). A metric with fewer than 20 values, or none, raises no flag.
 */
public final class LearnerHealth {
  /** How many of the newest values of a metric the rule looks at. */
  public static final int WINDOW = 20;

  private LearnerHealth() {}

  /** A sign that an agent's learner has stopped learning. */
  public enum Flag {
    /** Every recent {@code entropy} below 0.01 nats. */
    ENTROPY_COLLAPSED("entropy collapsed", "entropy", v -> v < 0.01),
    /** Every recent {@code approx_kl} below 1e-7. */
    KL_COLLAPSED("kl collapsed", "approx_kl", v -> v < 1e-7),
    /** Every recent {@code explained_variance} at most 0. */
    VALUE_NOT_LEARNING("value not learning", "explained_variance", v -> v <= 0);

    private final String label;
    private final String metric;
    private final DoublePredicate bad;

    Flag(String label, String metric, DoublePredicate bad) {
      this.label = label;
      this.metric = metric;
      this.bad = bad;
    }

    /** The flag as people read it, e.g. {@code entropy collapsed}. */
    @JsonValue
    public String label() {
      return label;
    }

    /** The metric the flag is judged on. */
    public String metric() {
      return metric;
    }

    /** Whether {@code newest} (newest first) raises this flag: a full window, every value bad. */
    public boolean raisedBy(List<Double> newest) {
      return newest.size() >= WINDOW && newest.stream().limit(WINDOW).allMatch(bad::test);
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** The flags {@code agent}'s recorded metrics raise, in {@link Flag} order; empty when it learns. */
  public static List<Flag> flags(Registry registry, String agent) {
    List<Flag> out = new ArrayList<>();
    for (Flag f : Flag.values()) {
      if (f.raisedBy(registry.metrics().newest(agent, f.metric(), WINDOW))) {
        out.add(f);
      }
    }
    return out;
  }
}
