package io.vivarium.colony.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Two registries on one database (two colony nodes) writing at once: ids unique, nothing lost. */
class ConcurrentWritersTest extends OnBothDatabases {
  private static final int WRITES = 150;


  @Test
  void twoRegistriesWritingAtOnceGetUniqueIdsAndLoseNothing() throws Exception {
    Registry.open(where).close(); // migrated once; both nodes then open a current schema
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (Registry one = Registry.open(where); Registry two = Registry.open(where)) {
      one.putAgent(new AgentRow("a0001", null, 0, AgentState.ALIVE, "gold-bare-6x6", "tiny", 0, 0, 1000, 0, null));
      List<Future<List<Long>>> ids = new ArrayList<>();
      for (Registry r : List.of(one, two, one, two)) {
        ids.add(pool.submit(() -> {
          List<Long> mine = new ArrayList<>();
          for (int i = 0; i < WRITES; i++) {
            mine.add(r.addRequest("a0001", "reward", "1", "node"));
            mine.add(-r.cluster().place("a0001", "127.0.0.1:" + (25520 + i % 3)));
            r.addMetric("a0001", i, "return", i);
            r.vote("a0001", "voter" + (i % 10));
          }
          return mine;
        }));
      }
      Set<Long> all = new HashSet<>();
      for (Future<List<Long>> f : ids) {
        all.addAll(f.get());
      }
      assertThat(all).as("every request and placement id is unique").hasSize(4 * WRITES * 2);
      assertThat(one.requests(null, 10_000)).hasSize(4 * WRITES);
      assertThat(two.cluster().placements("a0001")).hasSize(4 * WRITES);
      assertThat(two.metrics().count()).isEqualTo(4 * WRITES);
      assertThat(one.voteCount("a0001")).isEqualTo(10);
      assertThat(one.integrityCheck()).isEqualTo("ok");
    } finally {
      pool.shutdown();
    }
  }
}
