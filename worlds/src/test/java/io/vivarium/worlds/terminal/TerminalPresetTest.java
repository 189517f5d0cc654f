package io.vivarium.worlds.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.core.Channel;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.Worlds;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TerminalPresetTest {
  @Test
  void presetsNameTheirTasksSizeAndShell() {
    TerminalPreset all = TerminalPreset.of("terminal");
    assertThat(all.tasks()).containsExactly(TerminalTask.values());
    assertThat(all.cols()).isEqualTo(80);
    assertThat(all.rows()).isEqualTo(24);
    assertThat(TerminalPreset.of("terminal-first3").tasks())
        .containsExactly(TerminalTask.ECHO, TerminalTask.TOUCH, TerminalTask.LIST);
    TerminalPreset p = TerminalPreset.of("terminal-kill+bash+pixels");
    assertThat(p.tasks()).containsExactly(TerminalTask.KILL);
    assertThat(p.shell()).isEqualTo(TerminalSandbox.Shell.BASH);
    assertThat(p.pixels()).isTrue();
    assertThat(p.cols()).isEqualTo(32);
  }

  @Test
  void anUnknownPresetOrModifierIsNamed() {
    assertThatThrownBy(() -> TerminalPreset.of("terminal-dance"))
        .hasMessageContaining("unknown terminal preset 'terminal-dance'").hasMessageContaining("terminal-first3");
    assertThatThrownBy(() -> TerminalPreset.of("terminal+zsh")).hasMessageContaining("'+zsh'")
        .hasMessageContaining("+bash");
  }

  @Test
  void theSpecNeedsNoSandbox() {
    Spec s = Worlds.get("terminal").spec("terminal-echo");
    assertThat(s.actionChannel()).isEqualTo(Channel.MOTOR);
    assertThat(s.actionBytes()).isEqualTo(1);
    assertThat(s.actionAlphabet()).hasSize(104).contains(Keys.ENTER, Keys.CTRL_C, (byte) 'a', Keys.UP);
    assertThat(s.maxBytes(Channel.TEXT)).isEqualTo(160);
    assertThat(s.imageWidth()).isEqualTo(480);
    assertThat(s.imageHeight()).isEqualTo(192);
    assertThat(s.pictureForVideo()).isFalse();
    assertThat(Worlds.get("terminal").spec("terminal+pixels").pictureForVideo()).isTrue();
    assertThat(Worlds.get("terminal").hasExpert("terminal")).isTrue();
  }

  @Test
  void episodesFollowTheSeed() {
    for (TerminalTask t : TerminalTask.values()) {
      TerminalEpisode a = t.episode(new SplittableRandom(7));
      TerminalEpisode b = t.episode(new SplittableRandom(7));
      assertThat(a).isEqualTo(b);
      assertThat(a.setup()).contains("task: ");
      assertThat(a.setup().length()).isLessThan(TerminalSandbox.MAX_SCRIPT);
    }
    assertThat(TerminalTask.ECHO.episode(new SplittableRandom(1)))
        .isNotEqualTo(TerminalTask.ECHO.episode(new SplittableRandom(2)));
  }

  @Test
  void theCurriculumUnlocksTasksInOrder() {
    TerminalCurriculum c = new TerminalCurriculum(TerminalPreset.of("terminal-first3").tasks());
    assertThat(c.level()).isZero();
    for (int i = 0; i < TerminalCurriculum.WINDOW - 1; i++) {
      assertThat(c.record(true)).isFalse();
    }
    assertThat(c.record(true)).isTrue();
    assertThat(c.level()).isEqualTo(1);
    c.start(99);
    assertThat(c.level()).isEqualTo(2);
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 50; i++) {
      assertThat(TerminalCurriculum.task(TerminalPreset.of("terminal").tasks(), 1, r))
          .isIn(TerminalTask.ECHO, TerminalTask.TOUCH);
    }
  }

  @Test
  void keysHaveNamesAndBytes() {
    assertThat(Keys.name(Keys.ENTER)).isEqualTo("Enter");
    assertThat(Keys.name((byte) 'x')).isEqualTo("x");
    assertThat(Keys.name((byte) 0x01)).isEqualTo("0x01");
    assertThat(Keys.bytes(Keys.LEFT)).containsExactly(0x1b, '[', 'D');
    assertThat(Keys.bytes((byte) 0x01)).isEmpty();
    assertThat(Keys.isKey((byte) 0x01)).isFalse();
  }
}
