package io.vivarium.cluster;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.colony.registry.NodeRow;
import io.vivarium.core.config.ClusterConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionsTest {
  private static final ClusterConfig ME = new ClusterConfig("c1", "127.0.0.1:2", "127.0.0.1:1", "x", "y", 5, "", "");

  private static NodeRow node(String address, String version, long seenAgo, String state) {
    long now = System.currentTimeMillis();
    return new NodeRow(address, version, now - 100_000, now - seenAgo, 0, 0, state);
  }

  @Test
  void aRunningNodeOfAnotherVersionIsRefusedWithOneLine() {
    assertThatThrownBy(() -> Versions.check(List.of(node("127.0.0.1:1", "0.2.0", 1000, "up")), ME, "0.1.0"))
        .hasMessage("node 127.0.0.1:1 of cluster c1 runs Vivarium 0.2.0 and this is 0.1.0; run one version on every "
            + "node (upgrade them together)");
  }

  @Test
  void nodesGoneOrLeftOrThisOneDoNotCount() {
    assertThatCode(() -> Versions.check(List.of(node("127.0.0.1:1", "0.2.0", 60_000, "up"),
        node("127.0.0.1:3", "0.2.0", 1000, "left"), node("127.0.0.1:2", "0.2.0", 1000, "up"),
        node("127.0.0.1:4", "0.1.0", 1000, "up")), ME, "0.1.0")).doesNotThrowAnyException();
  }
}
