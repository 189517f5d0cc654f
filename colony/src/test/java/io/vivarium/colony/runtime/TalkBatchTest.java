package io.vivarium.colony.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.brain.policy.Encoding;
import io.vivarium.brain.policy.ObservationEncoder;
import io.vivarium.core.Channel;
import io.vivarium.core.world.Expert;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.Worlds;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** People's text in the agent's text channel, at a fixed place, cut to its budget. */
class TalkBatchTest {
  @Test
  void anExpertAnswerStaysReachable() {
    try (WorldBatch copy = Worlds.get("copy").batch("copy", 2)) {
      copy.reset(3);
      WorldBatch seen = TalkBatch.wrap(copy, 8, () -> "hi");
      assertThat(seen).isInstanceOf(io.vivarium.core.world.TextExpert.class);
      assertThat(((io.vivarium.core.world.TextExpert) seen).expertText(1))
          .isEqualTo(((io.vivarium.core.world.TextExpert) copy).expertText(1));
    }
  }

  @Test
  void peoplesTextFollowsTheWorldsTextAtAFixedPlace() {
    AtomicReference<String> said = new AtomicReference<>();
    try (WorldBatch gold = Worlds.get("gold").batch("gold-bare-5x5", 2)) {
      gold.reset(7);
      WorldBatch seen = TalkBatch.wrap(gold, 8, said::get);
      assertThat(seen).as("gold's expert stays reachable for cloning").isInstanceOf(Expert.class);
      assertThat(((Expert) seen).expertAction(1)).isEqualTo(((Expert) gold).expertAction(1));
      String mission = new String(gold.observation(0).bytes(Channel.TEXT), StandardCharsets.US_ASCII);
      assertThat(seen.spec().maxBytes(Channel.TEXT)).isEqualTo(mission.length() + 1 + 8);
      assertThat(seen.spec().maxBytes(Channel.VIDEO)).isEqualTo(gold.spec().maxBytes(Channel.VIDEO));

      assertThat(text(seen)).isEqualTo(mission + "\n");
      said.set("hello world");
      assertThat(text(seen)).isEqualTo(mission + "\nhello wo");
      assertThat(seen.observation(1).bytes(Channel.VIDEO)).isEqualTo(gold.observation(1).bytes(Channel.VIDEO));

      seen.step(new byte[] {'F', 'L'});
      assertThat(seen.rewards()).isSameAs(gold.rewards());
      assertThat(text(seen)).isEqualTo(mission + "\nhello wo");

      int plain = new ObservationEncoder(gold.spec(), Encoding.defaults()).length();
      assertThat(new ObservationEncoder(seen.spec(), Encoding.defaults()).length()).isEqualTo(plain + 9);
    }
  }

  @Test
  void zeroBytesLeavesTheBatchAlone() {
    try (WorldBatch gold = Worlds.get("gold").batch("gold-bare-5x5", 1)) {
      assertThat(TalkBatch.wrap(gold, 0, () -> "ignored")).isSameAs(gold);
    }
  }

  private static String text(WorldBatch b) {
    return new String(b.observation(0).bytes(Channel.TEXT), StandardCharsets.UTF_8);
  }
}
