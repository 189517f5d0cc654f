package io.vivarium.lab.repair;

import io.vivarium.core.Seeds;
import io.vivarium.core.world.Observation;
import io.vivarium.core.world.Step;
import io.vivarium.worlds.repair.Corpus;
import io.vivarium.worlds.repair.Corpus.Split;
import io.vivarium.worlds.repair.Operation;
import io.vivarium.worlds.repair.RepairPreset;
import io.vivarium.worlds.repair.RepairWorld;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Evaluates a solver on held-out repair episodes: per operation, the exact restoration rate
 * and the mean reward of the episodes that operation took part in, and the overall
 * {@code mean_reward} and {@code exact_rate}. Backs {@code vivarium eval --world repair}.
 *
 * <p>Stateless and thread-safe (each run builds its own world).
 */
public final class RepairEval {
  private RepairEval() {}

  /** Totals for one operation (or for all episodes). */
  public record Row(String name, int episodes, int exact, double rewardSum) {
    public double exactRate() {
      return episodes == 0 ? 0 : exact / (double) episodes;
    }

    public double meanReward() {
      return episodes == 0 ? 0 : rewardSum / episodes;
    }

    Row add(boolean isExact, double reward) {
      return new Row(name, episodes + 1, exact + (isExact ? 1 : 0), rewardSum + reward);
    }
  }

  /** The result of one evaluation run. */
  public record Report(String solver, String preset, String corpus, long seed, Row overall,
      List<Row> operations) {
    /** The per-operation table followed by the {@code key: value} summary lines. */
    public String render() {
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT, "solver: %s%npreset: %s%ncorpus: %s (held-out split)%n"
          + "seed: %d%nepisodes: %d%n%n", solver, preset, corpus, seed, overall.episodes()));
      b.append(String.format(Locale.ROOT, "%-34s %8s %10s %11s%n",
          "operation", "episodes", "exact_rate", "mean_reward"));
      for (Row r : operations) {
        b.append(String.format(Locale.ROOT, "%-34s %8d %10.3f %11.3f%n",
            r.name(), r.episodes(), r.exactRate(), r.meanReward()));
      }
      b.append(String.format(Locale.ROOT, "%nmean_reward: %.4f%nexact_rate: %.4f%n",
          overall.meanReward(), overall.exactRate()));
      return b.toString();
    }
  }

  /**
   * Runs {@code solver} on {@code episodes} episodes of {@code preset} over the held-out split
   * of {@code corpus}; episode {@code i} is seeded from {@code seed} and {@code i}.
   */
  public static Report run(RepairPreset preset, Corpus corpus, Solver solver, int episodes, long seed) {
    if (episodes < 1) {
      throw new IllegalArgumentException("--episodes must be at least 1; got " + episodes);
    }
    Map<Operation, Row> rows = new EnumMap<>(Operation.class);
    Row overall = new Row("overall", 0, 0, 0);
    try (RepairWorld world = new RepairWorld(preset, corpus, Split.HELDOUT)) {
      for (int i = 0; i < episodes; i++) {
        Observation o = world.reset(Seeds.derive(seed, "repair-eval", i));
        Step s = world.step(solver.act(o));
        boolean exact = Boolean.parseBoolean(s.info().get("exact"));
        overall = overall.add(exact, s.reward());
        for (Operation op : new LinkedHashSet<>(world.episode().operations())) {
          Row r = rows.getOrDefault(op, new Row(op.key(), 0, 0, 0));
          rows.put(op, r.add(exact, s.reward()));
        }
      }
    }
    return new Report(solver.name(), preset.name(), corpus.name(), seed, overall,
        new ArrayList<>(rows.values()));
  }

  /**
   * Runs each solver of {@code specs} ({@link Solvers#create}) as {@link #run} does, handing each
   * report to {@code done} as soon as it is made; returns the reports in order.
   */
  public static List<Report> runAll(RepairPreset preset, Corpus corpus, List<String> specs, int episodes, long seed,
      Consumer<Report> done) {
    List<Report> reports = new ArrayList<>();
    for (String spec : specs) {
      Report r = run(preset, corpus, Solvers.create(spec, corpus), episodes, seed);
      reports.add(r);
      done.accept(r);
    }
    return reports;
  }

  /** {@link #runAll(RepairPreset, Corpus, List, int, long, Consumer)} on the preset and corpus of {@code source}. */
  public static List<Report> runAll(RepairSource source, List<String> specs, int episodes, long seed,
      Consumer<Report> done) {
    return runAll(source.preset(), source.corpus(), specs, episodes, seed, done);
  }

  /** An operations × solvers table of exact rate and mean reward, for reports. */
  public static String compare(List<Report> reports) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-34s", "operation"));
    reports.forEach(r -> b.append(String.format(Locale.ROOT, " %21s", r.solver() + " exact/reward")));
    b.append('\n');
    for (Operation op : Operation.values()) {
      b.append(String.format(Locale.ROOT, "%-34s", op.key()));
      for (Report r : reports) {
        Row row = r.operations().stream().filter(x -> x.name().equals(op.key())).findFirst()
            .orElse(new Row(op.key(), 0, 0, 0));
        b.append(String.format(Locale.ROOT, " %10.3f / %8.3f", row.exactRate(), row.meanReward()));
      }
      b.append('\n');
    }
    b.append(String.format(Locale.ROOT, "%-34s", "overall"));
    reports.forEach(r -> b.append(String.format(Locale.ROOT, " %10.3f / %8.3f",
        r.overall().exactRate(), r.overall().meanReward())));
    return b.append('\n').toString();
  }
}
