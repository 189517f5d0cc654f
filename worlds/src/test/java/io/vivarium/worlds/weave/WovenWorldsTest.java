package io.vivarium.worlds.weave;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.core.Channel;
import io.vivarium.core.config.WorldConfig;
import io.vivarium.core.world.Action;
import io.vivarium.core.world.ColonyCounts;
import io.vivarium.core.world.FactBook;
import io.vivarium.core.world.LocalFactBook;
import io.vivarium.core.world.Ticks;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldContext;
import io.vivarium.core.world.WorldFactory;
import io.vivarium.core.world.Worlds;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Repair, chat and terminal woven: expert ticks earn the world's reward, garbage ticks name the problem. */
class WovenWorldsTest {
  private static WorldFactory woven(String world) {
    WorldConfig c = WorldConfig.defaults();
    return Worlds.of(new WorldConfig(world, "", 4, "", "", "weave", c.exec(), c.chat()));
  }

  private static WorldContext context() {
    return new WorldContext(WorldConfig.defaults(), ColonyCounts.local()).withFacts(new LocalFactBook());
  }

  private static String text(WorldBatch b, int i) {
    return new String(b.observation(i).bytes(Channel.TEXT), StandardCharsets.UTF_8);
  }

  private static Action[] experts(WeaveBatch b) {
    Action[] a = new Action[b.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = Action.text(b.expertText(i));
    }
    return a;
  }

  private static Action[] all(int n, String tick) {
    Action[] a = new Action[n];
    Arrays.fill(a, Action.text(tick));
    return a;
  }

  @Test
  void wovenRepairPaysTheExpertsEditAndNamesAGarbageTick() {
    WorldFactory f = woven("repair");
    try (WeaveBatch b = (WeaveBatch) f.batch("repair-short-single", 4, context())) {
      b.reset(5);
      assertThat(text(b, 0)).startsWith("#startblock type: observation\n#title repair\n")
          .endsWith("#startblock type: orientation\n# Starting tick #1 with block #2\n");
      assertThat(new String(b.expertText(0), StandardCharsets.UTF_8)).startsWith("I will use edit.\n#endblock\n"
          + "#startblock type: action\nedit\n-");
      b.step(experts(b));
      for (int i = 0; i < 4; i++) {
        assertThat(b.rewards()[i]).as("instance %d", i).isEqualTo(1f);
        assertThat(b.terminated()[i]).isTrue();
      }
      Ticks.Tick t = b.lastTicks().get(0);
      assertThat(t.wellFormed()).isTrue();
      assertThat(t.tick()).isEqualTo(1);
      assertThat(t.blocks()).extracting(Ticks.Block::type)
          .containsExactly("orientation", "action", "expectation", "observation", "evaluation");
      assertThat(t.blocks().get(0).text()).startsWith("# Starting tick #1 with block #2\n");
      assertThat(t.blocks().get(3).text()).contains("answer read as edit").contains(", exact").contains("reward 1.0000");
      assertThat(t.blocks().get(4).text()).startsWith("no evaluator (world.evaluator is empty)");
      assertThat(b.lastMeasures()).containsEntry("well_formed", 1.0);
      assertThat(text(b, 0)).contains("#startblock type: evaluation\n")
          .endsWith("# Starting tick #2 with block #7\n");

      b.step(all(4, "hm\n#endblock\n#startblock type: action\nsmash it\n#endblock\n"));
      assertThat(b.rewards()[0]).isZero();
      Ticks.Tick bad = b.lastTicks().get(0);
      assertThat(bad.wellFormed()).isFalse();
      assertThat(bad.blocks()).extracting(Ticks.Block::type).containsExactly("observation", "evaluation");
      assertThat(bad.blocks().get(0).text()).startsWith("malformed tick: the action block names the tool 'smash',"
          + " which repair does not have; its tools are edit, rewrite and recall");
      b.step(all(4, "\u0000\u0001garbage"));
      assertThat(b.lastTicks().get(0).blocks().get(0).text())
          .startsWith("malformed tick: the tick holds the control byte 0x00 at character 0");
      assertThat(b.lastMeasures()).containsEntry("well_formed", 0.0);
    }
  }

  @Test
  void everyExpertTickFitsAndParsesOrIsEmpty() {
    try (WeaveBatch b = (WeaveBatch) woven("repair").batch("repair-short-single", 64, context())) {
      b.reset(9);
      int empty = 0;
      for (int round = 0; round < 8; round++) {
        boolean[] has = new boolean[b.size()];
        for (int i = 0; i < b.size(); i++) {
          byte[] t = b.expertText(i);
          assertThat(t.length).isLessThanOrEqualTo(WeaveBatch.TICK_BYTES);
          has[i] = t.length > 0;
          empty += has[i] ? 0 : 1;
          if (has[i]) {
            assertThat(Blocks.parse(t)).as(new String(t, StandardCharsets.UTF_8)).isInstanceOf(Blocks.Tick.class);
          }
        }
        b.step(experts(b));
        for (int i = 0; i < b.size(); i++) {
          if (has[i]) {
            assertThat(b.rewards()[i]).as("round %d instance %d", round, i).isEqualTo(1f);
          }
        }
      }
      System.out.println("expert ticks without a fitting tick: " + empty + " of " + 8 * 64);
      assertThat(empty).as("a repair edit that does not fit in a tick").isLessThan(8 * 64 / 10);
    }
  }

  @Test
  void wovenChatPaysTheExpectedAnswerAndRecallsFacts() {
    WorldContext ctx = context();
    ctx.facts().put(new FactBook.Fact("freedonia | capital", "Fenwick"));
    try (WeaveBatch b = (WeaveBatch) woven("chat").batch("chat-facts", 4, ctx)) {
      b.reset(3);
      b.step(experts(b));
      for (int i = 0; i < 4; i++) {
        assertThat(b.rewards()[i]).isEqualTo(1f);
      }
      assertThat(b.lastTicks().get(0).blocks().get(3).text()).contains("expected '");
      b.step(all(4, "I should look it up.\n#endblock\n#startblock type: action\nrecall freedonia capital\n#endblock\n"));
      assertThat(b.lastTicks().get(0).blocks().get(2).text())
          .startsWith("recall 'freedonia capital': ").contains("- freedonia | capital: Fenwick");
      assertThat(b.rewards()[0]).isZero();
      b.step(all(4, "#startblock type: action\nanswer\n#endblock\n"));
      assertThat(b.lastTicks().get(0).blocks().get(0).text())
          .startsWith("malformed tick: the action block calls answer with nothing; answer TEXT");
    }
  }

  @Test
  void wovenTerminalTypesTheExpertsCommandsToSuccess() {
    io.vivarium.worlds.exec.HostProbe.assumeSandbox();
    try (WeaveBatch b = (WeaveBatch) woven("terminal").batch("terminal-echo", 2, context())) {
      b.reset(11);
      double best = 0;
      for (int k = 0; k < 6; k++) {
        b.step(experts(b));
        best = Math.max(best, b.rewards()[0]);
        if (b.terminated()[0]) {
          break;
        }
      }
      assertThat(best).isGreaterThan(0.5);
      assertThat(b.lastTicks().get(0).blocks().get(1).text()).startsWith("type ");
      b.step(all(2, "x\n#endblock\n#startblock type: action\nkeys Hyper\n#endblock\n"));
      assertThat(b.lastTicks().get(0).blocks().get(0).text()).startsWith("malformed tick: the action block presses"
          + " 'Hyper', which is no key");
    }
  }
}
