package io.vivarium.zoo;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.CheckpointRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.runtime.ColonyHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code GET /metrics}: what the zookeeper can read of the colony in Prometheus's text format,
 * through Micrometer's Prometheus registry, refreshed from the registry at every scrape:
 * {@code vivarium_live}, {@code vivarium_steps_per_second} (the latest round's, 0 when stopped),
 * {@code vivarium_agents{state}}, {@code vivarium_max_generation}, {@code vivarium_episodes},
 * {@code vivarium_checkpoints}, per alive agent every metric at its newest value
 * ({@code vivarium_agent_metric{agent,name}}: return, success, every learner statistic, the
 * world's measures) and the age of its newest checkpoint
 * ({@code vivarium_checkpoint_age_seconds{agent}}), the colony-wide metrics
 * ({@code vivarium_colony_metric{name}}: steps/s, median success, asks dropped) and the shared
 * memory's size on disk ({@code vivarium_memory_bytes}). Behind the same {@link Guard} as the
 * API. Thread-safe: scrapes are serialized.
 */
final class Prometheus {
  /** The exposition format served (Prometheus text 0.0.4). */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final Registry registry;
  private final ColonyHandle colony;
  private final DataDir dir;
  private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MultiGauge agents;
  private final MultiGauge agentMetrics;
  private final MultiGauge checkpointAge;
  private final MultiGauge colonyMetrics;
  private volatile double stepsPerSecond;
  private volatile double maxGeneration;
  private volatile double episodes;
  private volatile double checkpoints;
  private volatile double memoryBytes;
  /** The rows of the latest scrape, held so that their boxed values stay reachable (gauges hold them weakly). */
  private List<List<MultiGauge.Row<?>>> held = List.of();

  Prometheus(Registry registry, ColonyHandle colony, DataDir dir) {
    this.registry = registry;
    this.colony = colony;
    this.dir = dir;
    Gauge.builder("vivarium.live", () -> colony == null ? 0 : 1)
        .description("1 when this zookeeper serves a running colony, 0 for a stopped one's records").register(meters);
    Gauge.builder("vivarium.steps.per.second", () -> stepsPerSecond)
        .description("The colony's environment steps per second over its latest round (0 when stopped)")
        .register(meters);
    Gauge.builder("vivarium.max.generation", () -> maxGeneration).description("The lineage's highest generation")
        .register(meters);
    Gauge.builder("vivarium.episodes", () -> episodes).description("Episodes recorded").register(meters);
    Gauge.builder("vivarium.checkpoints", () -> checkpoints).description("Checkpoints recorded").register(meters);
    Gauge.builder("vivarium.memory.bytes", () -> memoryBytes)
        .description("Bytes of the shared memory on disk (DATA/memory)").register(meters);
    this.agents = MultiGauge.builder("vivarium.agents").description("Agents by state").register(meters);
    this.agentMetrics = MultiGauge.builder("vivarium.agent.metric")
        .description("Each alive agent's metrics at their newest value (return, success, learner statistics, world)")
        .register(meters);
    this.checkpointAge = MultiGauge.builder("vivarium.checkpoint.age.seconds")
        .description("Seconds since each alive agent's newest checkpoint").register(meters);
    this.colonyMetrics = MultiGauge.builder("vivarium.colony.metric")
        .description("The colony-wide metrics at their newest value").register(meters);
  }

  /** Serves one scrape. */
  void handle(Context ctx) {
    ctx.contentType(CONTENT_TYPE);
    ctx.result(scrape());
  }

  /** Refreshes every value from the registry and renders them. */
  synchronized String scrape() {
    long now = System.currentTimeMillis();
    stepsPerSecond = colony == null ? 0 : colony.stepsPerSecond();
    maxGeneration = registry.maxGeneration();
    episodes = registry.episodes().count(null);
    checkpoints = registry.checkpoints().count(null);
    memoryBytes = bytesUnder(dir.root().resolve("memory"));
    List<MultiGauge.Row<?>> states = new ArrayList<>();
    registry.agentsByState().forEach((state, n) -> states.add(MultiGauge.Row.of(Tags.of("state", state.key()), n)));
    agents.register(states, true);
    List<MultiGauge.Row<?>> values = new ArrayList<>();
    List<MultiGauge.Row<?>> ages = new ArrayList<>();
    for (AgentRow a : registry.agents()) {
      if (a.state() != AgentState.ALIVE) {
        continue;
      }
      registry.metrics().newestOf(a.id()).forEach((name, v) ->
          values.add(MultiGauge.Row.of(Tags.of("agent", a.id(), "name", name), v)));
      List<CheckpointRow> newest = registry.checkpoints().newest(a.id(), 1);
      if (!newest.isEmpty()) {
        ages.add(MultiGauge.Row.of(Tags.of("agent", a.id()), (now - newest.get(0).createdMillis()) / 1000.0));
      }
    }
    agentMetrics.register(values, true);
    checkpointAge.register(ages, true);
    List<MultiGauge.Row<?>> colonyValues = new ArrayList<>();
    for (Map.Entry<String, Double> m : registry.metrics().newestOf("colony").entrySet()) {
      colonyValues.add(MultiGauge.Row.of(Tags.of("name", m.getKey()), m.getValue()));
    }
    colonyMetrics.register(colonyValues, true);
    held = List.of(states, values, ages, colonyValues);
    return meters.scrape(CONTENT_TYPE);
  }

  private static double bytesUnder(Path root) {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0; // a file the memory just merged away
        }
      }).sum();
    } catch (IOException | UncheckedIOException e) {
      return 0; // the memory is being rewritten; the next scrape sees it
    }
  }
}
