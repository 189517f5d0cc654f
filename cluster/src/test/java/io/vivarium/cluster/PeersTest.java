package io.vivarium.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.colony.registry.NodeRow;
import io.vivarium.core.config.ClusterConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeersTest {
  private static ClusterConfig first(String join) {
    return new ClusterConfig("c1", "127.0.0.1:1", join, "x", "y", 5, "", "");
  }

  private static NodeRow node(String address, long seenAgo, String state) {
    long now = System.currentTimeMillis();
    return new NodeRow(address, "0.1.0", now - 100_000, now - seenAgo, 0, 0, state);
  }

  @Test
  void aFirstNodeRestartedWhileOthersRunJoinsThemInsteadOfSeedingASecondCluster() {
    List<NodeRow> nodes = List.of(node("127.0.0.1:1", 500, "up"), node("127.0.0.1:2", 500, "up"),
        node("127.0.0.1:3", 60_000, "up"), node("127.0.0.1:4", 500, "left"), node("127.0.0.1:5", 900, "up"));
    assertThat(Peers.joinLive(nodes, first("")).join()).isEqualTo("127.0.0.1:2,127.0.0.1:5");
  }

  @Test
  void aNewClusterOrAGivenJoinStaysAsItIs() {
    assertThat(Peers.joinLive(List.of(), first("")).join()).isEmpty();
    assertThat(Peers.joinLive(List.of(node("127.0.0.1:2", 500, "up")), first("127.0.0.1:9")).join())
        .isEqualTo("127.0.0.1:9");
  }
}
