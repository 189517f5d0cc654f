package io.vivarium.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.NodeRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.registry.WorldMeans;
import io.vivarium.colony.store.Checkpoint;
import io.vivarium.colony.store.CheckpointStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vivarium status}: what lives in a data directory. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the colony in the data directory: agents by state, generations, latest checkpoint, disk use.")
final class StatusCommand extends VivariumCommand {
  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    DataDir dir = DataDir.of(dataDir());
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("data", dir.root().toAbsolutePath().normalize().toString());
    if (!dir.hasColony()) {
      return noColony(dir, status);
    }
    try (Registry r = Registry.openReadOnly(dir.registryLocation())) {
      String[] colony = r.colony();
      status.put("colony", colony == null ? null : colony[0]);
      status.put("seed", colony == null ? null : Long.parseLong(colony[1]));
      Map<String, Integer> states = new LinkedHashMap<>();
      r.agentsByState().forEach((state, n) -> states.put(state.key(), n));
      status.put("agents", states);
      // one definition: generations are numbered 0..max_generation, so there are max + 1 of them
      boolean none = r.agents().isEmpty();
      status.put("max_generation", none ? null : r.maxGeneration());
      status.put("generation_count", none ? 0 : r.maxGeneration() + 1);
      status.put("median_success_rate", medianSuccess(r));
      status.put("steps_per_second", latestColonyMetric(r, "steps_per_second"));
      status.put("world", WorldMeans.of(r));
      status.put("nodes", nodes(r));
    }
    CheckpointStore.Scan scan = dir.checkpoints().scan();
    Optional<Checkpoint> latest = scan.checkpoints().stream()
        .max(Comparator.comparingLong(Checkpoint::createdMillis).thenComparingLong(Checkpoint::step));
    status.put("checkpoints", scan.checkpoints().size());
    status.put("latest_checkpoint", latest.map(c -> Map.of(
        "agent", c.agent(), "step", c.step(), "time", Instant.ofEpochMilli(c.createdMillis()).toString(),
        "file", dir.relative(c.file()))).orElse(null));
    status.put("damaged_checkpoints", scan.damaged().size());
    status.put("disk_bytes", dir.diskUse());
    if (json) {
      print(status);
    } else {
      printText(status, latest);
    }
    return 0;
  }

  /**
   * No colony in the data directory (or no directory at all): one line on standard error naming
   * the directory and how to start one, {@code {"colony": null}} with {@code --json}, exit 1.
   */
  private int noColony(DataDir dir, Map<String, Object> status) throws Exception {
    status.put("colony", null);
    if (json) {
      print(status);
    }
    String again = dataDir().toString().equals("vivarium-data") ? "" : " --data " + dataDir();
    err().println("vivarium: " + (java.nio.file.Files.isDirectory(dir.root()) ? "no colony in " : "no data directory ")
        + status.get("data") + "; start one with: vivarium run" + again + ", or give a colony's directory with --data");
    err().flush();
    return Main.FAILURE;
  }

  /** Generations as a range and a count: {@code 0–2 (max generation 2, 3 in all)}. */
  static String generations(Object max, Object count) {
    return max == null ? "none yet" : "0–" + max + " (max generation " + max + ", " + count + " in all)";
  }

  /** The cluster's nodes as the registry records them (none for a colony in one process). */
  private static List<Map<String, Object>> nodes(Registry r) {
    long now = System.currentTimeMillis();
    Map<String, Long> placed = new java.util.HashMap<>();
    r.cluster().nodeOfAgents().values().forEach(node -> placed.merge(node, 1L, Long::sum));
    List<Map<String, Object>> out = new ArrayList<>();
    for (var n : r.cluster().nodes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("address", n.address());
      m.put("version", n.version());
      m.put("state", n.state());
      m.put("agents", placed.getOrDefault(n.address(), 0L));
      m.put("steps_per_second", n.stepsPerSecond());
      m.put("seen_seconds_ago", Math.max(0, (now - n.seenMillis()) / 1000));
      out.add(m);
    }
    return out;
  }

  /** Median over alive agents of their latest {@code success} metric; 0 when none has one yet. */
  static double medianSuccess(Registry r) {
    Map<String, Double> latest = r.metrics().latestByAgent("success");
    List<Double> rates = new ArrayList<>();
    for (AgentRow a : r.agents()) {
      if (a.state() == AgentState.ALIVE && latest.containsKey(a.id())) {
        rates.add(latest.get(a.id()));
      }
    }
    if (rates.isEmpty()) {
      return 0;
    }
    Collections.sort(rates);
    int n = rates.size();
    return n % 2 == 1 ? rates.get(n / 2) : (rates.get(n / 2 - 1) + rates.get(n / 2)) / 2;
  }

  /** The newest value of the colony-wide metric {@code name} (agent {@code colony}); 0 when absent. */
  static double latestColonyMetric(Registry r, String name) {
    return r.metrics().latest("colony", name).orElse(0);
  }

  private void printText(Map<String, Object> s, Optional<Checkpoint> latest) {
    out().printf("colony:       %s (seed %s) in %s%n", s.get("colony"), s.get("seed"), s.get("data"));
    StringBuilder states = new StringBuilder();
    ((Map<?, ?>) s.get("agents")).forEach((k, v) -> states.append(states.isEmpty() ? "" : ", ").append(v).append(' ').append(k));
    out().printf("agents:       %s%n", states);
    out().printf("generations:  %s%n", generations(s.get("max_generation"), s.get("generation_count")));
    out().printf(Locale.ROOT, "success:      %.0f%% (median of alive agents' latest)%n",
        100 * (double) s.get("median_success_rate"));
    out().printf(Locale.ROOT, "throughput:   %.0f steps/s (latest round)%n", (double) s.get("steps_per_second"));
    @SuppressWarnings("unchecked")
    Map<String, Double> world = (Map<String, Double>) s.get("world");
    if (!world.isEmpty()) {
      out().printf("world:        %s (mean of alive agents' latest)%n", WorldMeans.text(world));
    }
    out().printf("checkpoints:  %s%s%n", s.get("checkpoints"),
        latest.map(c -> ", latest " + c.agent() + " step " + c.step() + " at " + Instant.ofEpochMilli(c.createdMillis())).orElse(""));
    if ((int) s.get("damaged_checkpoints") > 0) {
      out().printf("damaged:      %s checkpoint files fail verification (vivarium checkpoints lists them)%n",
          s.get("damaged_checkpoints"));
    }
    out().printf("disk use:     %s%n", Bytes.human((long) s.get("disk_bytes")));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> nodes = (List<Map<String, Object>>) s.get("nodes");
    for (Map<String, Object> n : nodes) {
      long ago = (long) n.get("seen_seconds_ago");
      String state = "up".equals(n.get("state")) && ago * 1000 >= NodeRow.LIVE_MILLIS ? "unreachable"
          : (String) n.get("state");
      out().printf(Locale.ROOT, "node:         %s %s · %d agents · %.0f steps/s · vivarium %s · seen %d s ago%n",
          n.get("address"), state, (long) n.get("agents"), (double) n.get("steps_per_second"), n.get("version"), ago);
    }
  }

  private void print(Object o) throws Exception {
    out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o));
  }
}
