package io.vivarium.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import io.vivarium.core.config.ClusterConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeSettingsTest {
  private static ClusterConfig cluster(String bind, String join, String keyStore) {
    return new ClusterConfig("c1", bind, join, "postgresql://u@127.0.0.1:5432/d", "/tmp/shared", 5, keyStore, "");
  }

  @Test
  void theFirstNodeSeedsItselfAndOthersJoinTheGivenNodes() {
    Config first = NodeSettings.of(cluster("127.0.0.1:25601", "", ""));
    assertThat(first.getStringList("pekko.cluster.seed-nodes")).containsExactly("pekko://c1@127.0.0.1:25601");
    assertThat(first.getString("pekko.cluster.split-brain-resolver.stable-after")).isEqualTo("5s");
    assertThat(first.getString("pekko.cluster.sharding.passivation.strategy")).isEqualTo("none");
    Config other = NodeSettings.of(cluster("127.0.0.1:25602", "127.0.0.1:25601,127.0.0.1:25603", ""));
    assertThat(other.getStringList("pekko.cluster.seed-nodes"))
        .isEqualTo(List.of("pekko://c1@127.0.0.1:25601", "pekko://c1@127.0.0.1:25603"));
  }

  @Test
  void aNodeBeyondLoopbackNeedsMutualTls() {
    assertThatThrownBy(() -> NodeSettings.of(cluster("10.0.0.5:25601", "", "")))
        .hasMessageContaining("cluster.bind=10.0.0.5:25601").hasMessageContaining("cluster.keyStore");
    assertThatThrownBy(() -> NodeSettings.of(cluster("10.0.0.5:25601", "", "/no/such.p12")))
        .hasMessageContaining("cluster.keyStore=/no/such.p12 cannot be read");
  }

  @Test
  void aBadAddressIsOneClearLine() {
    assertThatThrownBy(() -> NodeSettings.of(cluster("127.0.0.1", "", "")))
        .hasMessage("cluster.bind must be HOST:PORT with a port from 1 to 65535; got '127.0.0.1' (e.g. 127.0.0.1:25520)");
    assertThatThrownBy(() -> NodeSettings.of(cluster("127.0.0.1:1", "host:99999", "")))
        .hasMessageStartingWith("cluster.join must be HOST:PORT");
  }
}
