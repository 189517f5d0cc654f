package io.vivarium.colony.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.core.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every typed read and write of the registry once, with the same answers on both databases. */
class RegistryQueriesTest extends OnBothDatabases {


  private static AgentRow agent(String id, String parent, AgentState state) {
    return new AgentRow(id, parent, parent == null ? 0 : 1, state, "gold-bare-6x6", "tiny", 0, 0.5, 1000, 0, null);
  }

  @Test
  void metricsAggregatesAnswerAlike() {
    try (Registry r = Registry.open(where)) {
      r.putAgent(agent("a0001", null, AgentState.ALIVE));
      r.putAgent(agent("a0002", "a0001", AgentState.ALIVE));
      r.putAgent(agent("a0003", "a0001", AgentState.DEAD));
      r.addMetrics(List.of(new MetricRow("a0001", 1, "world.b", 1, 100), new MetricRow("a0001", 2, "world.a", 2, 200),
          new MetricRow("a0001", 2, "world.a", 4, 250), new MetricRow("a0002", 5, "world.a", 10, 300),
          new MetricRow("a0003", 9, "world.a", 99, 350), new MetricRow("a0002", 5, "worldly", 7, 360)));
      Metrics m = r.metrics();
      assertThat(m.meanOfLatestOfAlive("world.")).containsExactly(java.util.Map.entry("world.b", 1.0),
          java.util.Map.entry("world.a", 7.0));
      assertThat(m.latestByAgent("world.a")).containsEntry("a0001", 4.0).containsEntry("a0002", 10.0)
          .containsEntry("a0003", 99.0);
      assertThat(m.all("a0001")).extracting(MetricRow::value).containsExactly(1.0, 2.0, 4.0);
      assertThat(m.newest("a0001", "world.a", 5)).containsExactly(4.0, 2.0);
      assertThat(m.timeRange()).containsExactly(100, 360);
      assertThat(m.meanBySlice("world.a", 100, 100)).containsEntry(1L, 3.0).containsEntry(2L, 54.5);
      assertThat(m.newestStepTotal("world.a")).isEqualTo(2 + 5 + 9);
      assertThat(m.count("a0001", "world.a")).isEqualTo(2);
      assertThat(m.names("a0002")).containsExactly("world.a", "worldly");
      assertThat(m.newestOf("a0001")).containsExactly(java.util.Map.entry("world.b", 1.0),
          java.util.Map.entry("world.a", 4.0)); // each name's newest step, the last written there
      assertThat(r.childrenOf("a0001")).containsExactly("a0002", "a0003");
      assertThat(r.maxGeneration()).isEqualTo(1);
    }
  }

  @Test
  void aLongSeriesIsThinnedToItsWholeHistoryWithTheNewestPoint() {
    try (Registry r = Registry.open(where)) {
      r.putAgent(agent("a0001", null, AgentState.ALIVE));
      List<MetricRow> rows = new java.util.ArrayList<>();
      for (int i = 1; i <= 2_500; i++) {
        rows.add(new MetricRow("a0001", i, "return", -i, 1000 + i));
      }
      r.addMetrics(rows);
      Metrics m = r.metrics();
      assertThat(m.series("a0001", "return", -1, 2000)).hasSize(2000).first()
          .satisfies(p -> assertThat(p.step()).isEqualTo(501)); // the newest 2,000
      List<MetricPoint> all = m.sampled("a0001", "return", -1, 2000);
      assertThat(all).hasSize(1250); // k = 2: every other point from the newest
      assertThat(all.get(0).step()).isEqualTo(2);
      assertThat(all.get(all.size() - 1)).isEqualTo(new MetricPoint(2500, -2500, 3500));
      assertThat(m.sampled("a0001", "return", -1, 100)).hasSize(100).extracting(MetricPoint::step)
          .startsWith(25L, 50L).endsWith(2500L);
      assertThat(m.sampled("a0001", "return", 2497, 2000)).extracting(MetricPoint::step).containsExactly(2498L, 2499L,
          2500L);
      assertThat(m.sampled("a0001", "missing", -1, 10)).isEmpty();
    }
  }

  @Test
  void theMetricTapHearsEveryWrittenBatch() {
    try (Registry r = Registry.open(where)) {
      List<List<MetricRow>> heard = new java.util.ArrayList<>();
      r.onMetrics(heard::add);
      r.addMetric("colony", 3, "steps_per_second", 12.5);
      r.addMetrics(List.of(new MetricRow("a0001", 4, "return", 0.5, 400), new MetricRow("a0001", 4, "lr", 1e-3, 400)));
      r.addMetrics(List.of());
      r.onMetrics(null);
      r.addMetric("colony", 4, "steps_per_second", 13);
      assertThat(heard).hasSize(2);
      assertThat(heard.get(0)).singleElement().satisfies(m -> {
        assertThat(m.agent()).isEqualTo("colony");
        assertThat(m.value()).isEqualTo(12.5);
        assertThat(m.timeMillis()).isPositive();
      });
      assertThat(heard.get(1)).extracting(MetricRow::name).containsExactly("return", "lr");
    }
  }

  @Test
  void episodesCheckpointsEventsAndRequestsRoundTrip() {
    try (Registry r = Registry.open(where)) {
      r.recordStart("c", 7, "# toml", "h1");
      r.recordStart("c", 7, "# toml 2", "h2");
      assertThat(r.colony()).startsWith("c", "7").endsWith("h2");
      r.putAgent(agent("a0001", null, AgentState.ALIVE));
      r.addEpisodes("a0001", List.of(new EpisodeRecord("gold", "gold-bare-6x6", 2, 11, 3, 1.5, true,
          new byte[] {1, 2, 3})));
      r.addEpisode("a0001", "gold", "gold-bare-6x6", 0, 12, 2, -1, false, new byte[] {4, 5});
      long newest = r.episodes().newest("a0001").orElseThrow().id();
      assertThat(r.episodes().actions(newest)).hasValueSatisfying(a -> assertThat(a).containsExactly(4, 5));
      assertThat(r.episodes().before("a0001", Long.MAX_VALUE, 10)).extracting(EpisodeRow::success)
          .containsExactly(false, true);
      assertThat(r.episodes().countByAgent()).containsEntry("a0001", 2L);
      r.addCheckpoint("a0001", 10, "checkpoints/a0001/a.vck", "ab", 100, 0.5, 1);
      r.markPruned(List.of("checkpoints/a0001/a.vck"));
      r.addCheckpoint("a0001", 11, "checkpoints/a0001/a.vck", "cd", 101, 0.6, 2); // rewritten: not pruned
      assertThat(r.checkpoints().all()).singleElement().satisfies(c -> {
        assertThat(c.step()).isEqualTo(11);
        assertThat(c.pruned()).isFalse();
      });
      r.addEvent(Event.now("birth", "a0001", "{}"));
      r.addEvent(Event.now("death", "a0001", "{}"));
      assertThat(r.events().after(0, 10, "a0001", "death")).singleElement().extracting(EventRow::kind)
          .isEqualTo("death");
      assertThat(r.events().lastId()).isPositive();
      long q = r.addRequest("a0001", "kill", "", "cli");
      assertThat(r.pendingRequests()).extracting(Request::id).containsExactly(q);
      r.finishRequest(q, "killed");
      assertThat(r.request(q).result()).isEqualTo("killed");
      assertThat(r.requests("a0001", 5)).hasSize(1);
      assertThat(r.vote("a0001", "ann")).isEqualTo(1);
      assertThat(r.vote("a0001", "ann")).isEqualTo(1);
      assertThat(r.agentsByState()).containsEntry(AgentState.ALIVE, 1);
    }
  }
}
