package io.vivarium.zoo;

import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.CheckpointRow;
import io.vivarium.colony.registry.EpisodeRow;
import io.vivarium.colony.registry.EventRow;
import io.vivarium.colony.registry.LearnerHealth;
import io.vivarium.colony.registry.MetricPoint;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.registry.Request;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The colony's durable records as the API shows them, read from the registry (which serves a
 * running and a stopped colony alike). Thread-safe: every read opens its own read-only
 * connection.
 */
final class Records {
  /** Metric names the API serves. */
  static final String METRIC_NAME = "[a-z][a-z0-9_.]{0,63}";

  private final Registry registry;
  private final Nodes nodes;

  Records(Registry registry) {
    this.registry = registry;
    this.nodes = new Nodes(registry.cluster());
  }

  /**
   * An agent row with what the overview shows beside it; {@code node} is the address of the
   * node it runs on in a colony across machines, {@code null} otherwise; {@code brain} is its
   * brain's shape label, {@code parameters} its parameter count (0 unknown) and {@code size}
   * both for people ({@link AgentRow#size()}).
   */
  record Agent(String id, String parent, int generation, String state, String world, String brain,
      long parameters, String size, double fitness, double success, long bornMillis, long diedMillis, String error,
      String node) {}

  /** One point of the size-against-fitness chart: an agent ever recorded, with a known size. */
  record SizePoint(String id, int generation, String state, String brain, long parameters, double fitness) {}

  /** Every agent with its latest success rate and its node, oldest first. */
  List<Agent> agents() {
    Map<String, Double> success = registry.metrics().latestByAgent("success");
    Map<String, String> nodeOf = nodes.nodeOfAgents();
    List<Agent> out = new ArrayList<>();
    for (AgentRow a : registry.agents()) {
      out.add(agent(a, success.getOrDefault(a.id(), 0.0), nodeOf.get(a.id())));
    }
    return out;
  }

  /** The colony's nodes and their agents ({@code GET /api/nodes}); no nodes in a one-process colony. */
  Map<String, Object> nodes() {
    return nodes.view();
  }

  /** One agent, or a 404 naming it (indexed lookups, not the whole table). */
  Agent agent(String id) {
    AgentRow a = registry.agent(id).orElseThrow(() ->
        ApiError.notFound("no agent '" + id + "' in this colony; GET /api/agents lists them"));
    return agent(a, registry.metrics().latest(id, "success").orElse(0), nodes.nodeOf(id));
  }

  private static Agent agent(AgentRow a, double success, String node) {
    return new Agent(a.id(), a.parent(), a.generation(), a.state().key(), a.world(), a.brainSpec(), a.parameters(),
        a.size(), a.fitness(), success, a.bornMillis(), a.diedMillis(), a.error(), node);
  }

  /**
   * Every agent ever recorded whose brain size is known, oldest first ({@code points}), and how
   * many have none ({@code unknown}: rows from before sizes were recorded), for {@code GET /api/sizes}.
   */
  Map<String, Object> sizes() {
    List<SizePoint> points = new ArrayList<>();
    int unknown = 0;
    for (AgentRow a : registry.agents()) {
      if (a.parameters() == 0) {
        unknown++;
      } else {
        points.add(new SizePoint(a.id(), a.generation(), a.state().key(), a.brainSpec(), a.parameters(), a.fitness()));
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("points", points);
    out.put("unknown", unknown);
    return out;
  }

  /**
   * An agent's details: its row, children, counts, votes, latest requests, learning-health flags
   * and its newest placements on nodes (none in a one-process colony).
   */
  Map<String, Object> detail(String id) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("agent", agent(id));
    out.put("children", registry.childrenOf(id));
    out.put("checkpoints", registry.checkpoints().count(id));
    out.put("episodes", registry.episodes().count(id));
    out.put("votes", registry.voteCount(id));
    out.put("requests", requests(id, 20));
    out.put("flags", LearnerHealth.flags(registry, id));
    out.put("placements", nodes.placements(id));
    return out;
  }

  /** The newest {@code limit} requests, of one agent or all ({@code agent == null}). */
  List<Request> requests(String agent, int limit) {
    return registry.requests(agent, limit);
  }

  /** Request {@code id}, or a 404. */
  Request request(long id) {
    Request r = registry.request(id);
    if (r == null) {
      throw ApiError.notFound("no request " + id + " in this colony");
    }
    return r;
  }

  /** The metric names an agent has. */
  List<String> metricNames(String agent) {
    return registry.metrics().names(agent);
  }

  /**
   * An agent's series {@code name} after step {@code after}, oldest first: its newest {@code limit}
   * points, or with {@code points > 0} its whole history thinned to at most that many (every k-th
   * from the newest, so the newest point is always in it: a chart of a long life keeps moving).
   */
  List<MetricPoint> series(String agent, String name, long after, int limit, int points) {
    return points > 0
        ? registry.metrics().sampled(agent, name, after, points)
        : registry.metrics().series(agent, name, after, limit);
  }

  /**
   * The colony over time in {@code buckets} equal slices of its recorded history: per slice its
   * end time, the agents alive then (born before it ends, not dead by then), the mean
   * {@code success} metric recorded in it and the colony's mean recorded throughput in it
   * ({@code stepsPerSecond}, env steps per second per round; each {@code null} when none was).
   */
  Map<String, Object> history(int buckets) {
    long[] range = registry.metrics().timeRange();
    long t0 = range[0];
    long t1 = range[1];
    long width = Math.max(1, (t1 - t0 + buckets) / buckets);
    Double[] success = new Double[buckets];
    registry.metrics().meanBySlice("success", t0, width)
        .forEach((b, mean) -> success[(int) Math.min(buckets - 1, b)] = mean);
    Double[] throughput = new Double[buckets]; // recorded per round, so it survives a restart (a resume)
    registry.metrics().meanBySlice("steps_per_second", t0, width)
        .forEach((b, mean) -> throughput[(int) Math.min(buckets - 1, b)] = mean);
    List<Agent> agents = agents();
    List<Map<String, Object>> points = new ArrayList<>();
    for (int b = 0; b < buckets && t1 > 0; b++) {
      long end = t0 + (b + 1) * width;
      int alive = 0;
      for (Agent a : agents) {
        if (a.bornMillis() <= end && (a.diedMillis() == 0 || a.diedMillis() > end)) {
          alive++;
        }
      }
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("timeMillis", end);
      p.put("population", alive);
      p.put("success", success[b]);
      p.put("stepsPerSecond", throughput[b]);
      points.add(p);
    }
    return Map.of("points", points);
  }

  /** Checkpoints, of one agent or all, newest first. */
  List<CheckpointRow> checkpoints(String agent, int limit) {
    return registry.checkpoints().newest(agent, limit);
  }

  /** Checkpoint {@code id}, or a 404. */
  CheckpointRow checkpoint(long id) {
    return registry.checkpoints().get(id).orElseThrow(() ->
        ApiError.notFound("no checkpoint " + id + "; GET /api/checkpoints lists them"));
  }

  /** Episodes, of one agent or all, newest first, with ids below {@code before}. */
  List<EpisodeRow> episodes(String agent, long before, int limit) {
    return registry.episodes().before(agent, before, limit);
  }

  /** Episode {@code id} and its action bytes, or a 404. */
  Map.Entry<EpisodeRow, byte[]> episode(long id) {
    EpisodeRow row = registry.episodes().get(id).orElseThrow(() ->
        ApiError.notFound("no episode " + id + "; GET /api/episodes lists them"));
    return Map.entry(row, registry.episodes().actions(id).orElseThrow());
  }

  /** Events with ids above {@code after}, oldest first, optionally of one agent or kind. */
  List<EventRow> events(long after, int limit, String agent, String kind) {
    return registry.events().after(after, limit, agent, kind);
  }

  /** The newest event id, 0 when there is none. */
  long lastEventId() {
    return registry.events().lastId();
  }

  /**
   * The colony's identity and counts. Its {@code seed} is a decimal string (a 64-bit seed is beyond
   * JavaScript's exact integers); {@code maxGeneration} is the highest generation number and
   * {@code generations} how many there are, as {@code vivarium status} counts them (the first agents
   * are generation 0, so {@code maxGeneration} 2 is 3 generations, 0–2).
   */
  Map<String, Object> colony() {
    Map<String, Object> out = new LinkedHashMap<>();
    String[] c = registry.colony();
    out.put("name", c == null ? "" : c[0]);
    out.put("seed", c == null ? "0" : Long.toString(Long.parseLong(c[1])));
    out.put("createdMillis", c == null ? 0 : Long.parseLong(c[2]));
    out.put("startedMillis", c == null ? 0 : Long.parseLong(c[3]));
    Map<String, Integer> states = new LinkedHashMap<>();
    registry.agentsByState().forEach((state, n) -> states.put(state.key(), n));
    out.put("states", states);
    int maxGeneration = registry.maxGeneration();
    out.put("maxGeneration", maxGeneration);
    out.put("generations", maxGeneration + 1);
    out.put("episodes", registry.episodes().count(null));
    out.put("checkpoints", registry.checkpoints().count(null));
    out.put("lastEventId", lastEventId());
    out.put("nodes", nodes.count());
    return out;
  }
}
