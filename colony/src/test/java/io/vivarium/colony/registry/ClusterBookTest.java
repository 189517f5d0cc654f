package io.vivarium.colony.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A colony across machines in the registry (schema 5): nodes and placements, on both databases. */
class ClusterBookTest extends OnBothDatabases {


  @Test
  void migrationFrom4To5KeepsTheRecordsAndAddsTheClusterTables() {
    try (Registry r = Registry.open(RegistryLocation.parse(where), Schema.MIGRATIONS.subList(0, 4))) {
      putOldAgent(r, "a0001");
    }
    try (Registry r = Registry.open(where)) {
      assertThat(r.schemaVersion()).isEqualTo(Schema.version());
      assertThat(r.agent("a0001")).isPresent();
      assertThat(r.cluster().nodes()).isEmpty();
      assertThat(r.cluster().openPlacements()).isEmpty();
      assertThat(r.integrityCheck()).isEqualTo("ok");
    }
  }

  @Test
  void nodesAreUpsertedByAddress() {
    try (Registry r = Registry.open(where)) {
      r.cluster().putNode(new NodeRow("127.0.0.1:25521", "0.1.0", 1000, 1000, 0, 0, "joining"));
      r.cluster().putNode(new NodeRow("127.0.0.1:25520", "0.1.0", 900, 900, 0, 0, "up"));
      r.cluster().putNode(new NodeRow("127.0.0.1:25521", "0.1.0", 1000, 5000, 812.5, 3, "up"));
      assertThat(r.cluster().nodes()).containsExactly(
          new NodeRow("127.0.0.1:25520", "0.1.0", 900, 900, 0, 0, "up"),
          new NodeRow("127.0.0.1:25521", "0.1.0", 1000, 5000, 812.5, 3, "up"));
    }
  }

  @Test
  void placementsOpenTouchAndEnd() {
    try (Registry r = Registry.open(where)) {
      long a = r.cluster().place("a0001", "127.0.0.1:25520");
      long b = r.cluster().place("a0002", "127.0.0.1:25520");
      assertThat(b).isGreaterThan(a);
      r.cluster().touchPlacements(List.of(a, b, 999_999L));
      r.cluster().endPlacement(a);
      r.cluster().endPlacement(a); // ending twice changes nothing
      long c = r.cluster().place("a0001", "127.0.0.1:25521");
      assertThat(r.cluster().placements("a0001")).extracting(PlacementRow::id, PlacementRow::node, PlacementRow::open)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(a, "127.0.0.1:25520", false),
              org.assertj.core.groups.Tuple.tuple(c, "127.0.0.1:25521", true));
      assertThat(r.cluster().openPlacements()).extracting(PlacementRow::id).containsExactly(b, c);
      PlacementRow ended = r.cluster().placements("a0001").get(0);
      assertThat(ended.endedMillis()).isGreaterThanOrEqualTo(ended.startedMillis());
      assertThatThrownBy(() -> r.cluster().endPlacement(424242))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no placement #424242");
      assertThatThrownBy(() -> r.cluster().place("Bad Id", "n"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agent id");
    }
  }

  @Test
  void anAbandonedPlacementEndsWhenItsNodeWasLastSeen() throws InterruptedException {
    try (Registry r = Registry.open(where)) {
      long a = r.cluster().place("a0001", "127.0.0.1:25520");
      Thread.sleep(5); // the node is gone; the abandonment comes later
      r.cluster().abandonPlacement(a);
      PlacementRow p = r.cluster().placements("a0001").get(0);
      assertThat(p.open()).isFalse();
      assertThat(p.endedMillis()).isEqualTo(p.seenMillis()).isEqualTo(p.startedMillis());
    }
  }

  @Test
  void rowsRefuseBadValuesNamingThem() {
    assertThatThrownBy(() -> new NodeRow(" ", "0.1.0", 0, 0, 0, 0, "up"))
        .hasMessageContaining("address must not be blank");
    assertThatThrownBy(() -> new NodeRow("h:1", "0.1.0", 0, 0, Double.NaN, 0, "up"))
        .hasMessageContaining("steps per second must be finite and >= 0; got NaN");
    assertThatThrownBy(() -> new NodeRow("h:1", "0.1.0", 10, 5, 0, 0, "up"))
        .hasMessageContaining("started <= seen");
    assertThatThrownBy(() -> new PlacementRow(1, "a0001", "h:1", 10, 5, 0)).hasMessageContaining("started <= seen");
  }
}
