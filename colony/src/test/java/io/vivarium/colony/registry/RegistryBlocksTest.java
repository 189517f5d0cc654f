package io.vivarium.colony.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Weaving agents' blocks round-trip through the registry on both databases, the newest of each agent kept. */
class RegistryBlocksTest extends OnBothDatabases {
  private static BlockRow row(String agent, long n) {
    return new BlockRow(agent, n * 4, n / 5, n / 2 + 1, n + 2, n % 2 == 0 ? "action" : "observation", 1000 + n,
        "body " + n + "\n-old\n+new", 0.25, n % 3 != 0);
  }

  @Test
  void blocksRoundTripNewestFirstAndByStep() {
    try (Registry r = Registry.open(where)) {
      r.addBlocks(List.of(row("a0001", 0), row("a0001", 1), row("a0002", 0)));
      List<BlockRow> out = r.blocks("a0001", 10);
      assertThat(out).containsExactly(row("a0001", 1), row("a0001", 0));
      assertThat(r.blocks("a0001", 4, 4)).containsExactly(row("a0001", 1));
      assertThat(r.blocks("a0003", 10)).isEmpty();
    }
  }

  @Test
  void keepsTheNewestBlocksOfEachAgent() {
    try (Registry r = Registry.open(where)) {
      List<BlockRow> many = new ArrayList<>();
      for (int n = 0; n < Registry.KEEP_BLOCKS + 10; n++) {
        many.add(row("a0001", n));
      }
      r.addBlocks(many);
      r.addBlocks(List.of(row("a0002", 0)));
      List<BlockRow> kept = r.blocks("a0001", Registry.KEEP_BLOCKS + 10);
      assertThat(kept).hasSize(Registry.KEEP_BLOCKS);
      assertThat(kept.get(kept.size() - 1)).as("the oldest kept").isEqualTo(row("a0001", 10));
      assertThat(r.blocks("a0002", 10)).hasSize(1);
    }
  }

  @Test
  void aBadRowIsRefusedNamingTheField() {
    assertThatThrownBy(() -> new BlockRow("a0001", 0, 0, 0, 1, "action", 0, "", 0, true))
        .hasMessageContaining("tick and block >= 1");
    assertThatThrownBy(() -> new BlockRow("a0001", 0, 0, 1, 1, "action", 0, "", Double.NaN, true))
        .hasMessageContaining("must be finite");
  }
}
