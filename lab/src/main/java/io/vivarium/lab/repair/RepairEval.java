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
        b.append(String.format(Locale.ROOT, "%-34s %8d %10s %11s%n",
            r.name(), r.episodes(), rate(r, r.exactRate()), rate(r, r.meanReward())));
      }
      b.append(String.format(Locale.ROOT, "%nmean_reward: %.4f%nexact_rate: %.4f%n",
          overall.meanReward(), overall.exactRate()));
      return b.toString();
    }
  }

  /** What an operation without episodes shows instead of a rate: nothing was measured. */
  static final String NONE = "\u2014";

  /** {@code value} to three places, or {@link #NONE} for a row without episodes. */
  static String rate(Row r, double value) {
    return r.episodes() == 0 ? NONE : String.format(Locale.ROOT, "%.3f", value);
  }

  /**
   * Runs {@code solver} on {@code episodes} episodes of {@code preset} over the held-out split
   * of {@code corpus}; episode {@code i} is seeded from {@code seed} and {@code i}.
   */
  public static Report run(RepairPreset preset, Corpus corpus, Solver solver, int episodes, long seed) {
    return run(preset, corpus, solver, episodes, seed, line -> {});
  }

  /**
   * {@link #run(RepairPreset, Corpus, Solver, int, long)}, saying every 100 episodes to
   * {@code progress} how far it is. Every operation of the preset has a row, those that took
   * part in no episode with 0 episodes.
   */
  public static Report run(RepairPreset preset, Corpus corpus, Solver solver, int episodes, long seed,
      Consumer<String> progress) {
    if (episodes < 1) {
      throw new IllegalArgumentException("--episodes must be at least 1; got " + episodes);
    }
    Map<Operation, Row> rows = new EnumMap<>(Operation.class);
    preset.operations().forEach(op -> rows.put(op, new Row(op.key(), 0, 0, 0)));
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
        if ((i + 1) % 100 == 0 && i + 1 < episodes) {
          progress.accept(String.format(Locale.ROOT, "%s: %d/%d episodes · mean_reward so far %.3f", solver.name(),
              i + 1, episodes, overall.meanReward()));
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
    return runAll(preset, corpus, specs, episodes, seed, done, line -> {});
  }

  /**
   * {@link #runAll(RepairPreset, Corpus, List, int, long, Consumer)} with progress lines: when a
   * solver is being built (the heuristic learns a word list; the searches learn an n-gram and
   * calibrate their margins on training episodes, ~30 s), when it is ready, and every 100 episodes.
   */
  public static List<Report> runAll(RepairPreset preset, Corpus corpus, List<String> specs, int episodes, long seed,
      Consumer<Report> done, Consumer<String> progress) {
    List<Report> reports = new ArrayList<>();
    for (String spec : specs) {
      long t0 = System.nanoTime();
      if (!spec.equals("identity")) {
        progress.accept(spec + ": building the solver (word list" + (spec.equals("heuristic") ? "" : ", n-gram and "
            + "margins calibrated on training episodes") + ") …");
      }
      Solver solver = Solvers.create(spec, corpus);
      if (!spec.equals("identity")) {
        progress.accept(String.format(Locale.ROOT, "%s: ready in %.0f s; %d held-out episodes …", solver.name(),
            (System.nanoTime() - t0) / 1e9, episodes));
      }
      Report r = run(preset, corpus, solver, episodes, seed, progress);
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

  /** {@link #runAll(RepairPreset, Corpus, List, int, long, Consumer, Consumer)} on {@code source}. */
  public static List<Report> runAll(RepairSource source, List<String> specs, int episodes, long seed,
      Consumer<Report> done, Consumer<String> progress) {
    return runAll(source.preset(), source.corpus(), specs, episodes, seed, done, progress);
  }

  /**
   * An operations × solvers table of exact rate and mean reward, for reports, with each
   * operation's episode count (the solvers share their episodes); {@link #NONE} where an
   * operation took part in no episode.
   */
  public static String compare(List<Report> reports) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-34s %8s", "operation", "episodes"));
    reports.forEach(r -> b.append(String.format(Locale.ROOT, " %21s", r.solver() + " exact/reward")));
    b.append('\n');
    for (Operation op : Operation.values()) {
      List<Row> row = reports.stream().map(r -> r.operations().stream().filter(x -> x.name().equals(op.key()))
          .findFirst().orElse(new Row(op.key(), 0, 0, 0))).toList();
      b.append(String.format(Locale.ROOT, "%-34s %8d", op.key(), row.isEmpty() ? 0 : row.get(0).episodes()));
      row.forEach(x -> b.append(String.format(Locale.ROOT, " %10s / %8s", rate(x, x.exactRate()),
          rate(x, x.meanReward()))));
      b.append('\n');
    }
    b.append(String.format(Locale.ROOT, "%-34s %8d", "overall", reports.isEmpty() ? 0 : reports.get(0).overall().episodes()));
    reports.forEach(r -> b.append(String.format(Locale.ROOT, " %10.3f / %8.3f",
        r.overall().exactRate(), r.overall().meanReward())));
    return b.append('\n').toString();
  }
}
