package io.vivarium.worlds.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.core.config.ExecConfig;
import io.vivarium.core.config.WorldConfig;
import io.vivarium.core.world.ColonyCounts;
import io.vivarium.core.world.TextExpert;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldContext;
import io.vivarium.core.world.Worlds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code world.exec.teacher}: programs offered to clone, and the errors a bad one gets. */
class ExecTeacherTest {
  @TempDir Path dir;

  private Path programs() throws Exception {
    Path d = Files.createDirectories(dir.resolve("replicators"));
    Files.write(d.resolve("replicator-01.bin"), new byte[] {1, 2, 3});
    Files.write(d.resolve("replicator-00.bin"), new byte[64]);
    Files.writeString(d.resolve("replicators.tsv"), "file\tcopies\n"); // not a program
    return d;
  }

  @Test
  void aDirectoryOffersItsBinFilesAndEachEpisodeSeedPicksOne() throws Exception {
    ExecTeacher t = ExecTeacher.load(programs().toString(), 64);
    assertThat(t.size()).isEqualTo(2);
    Set<Integer> lengths = new HashSet<>();
    for (int i = 0; i < 64; i++) {
      byte[] p = t.program(1234, i);
      assertThat(p).isEqualTo(t.program(1234, i));
      lengths.add(p.length);
    }
    assertThat(lengths).as("both programs are shown").containsExactlyInAnyOrder(3, 64);
    ExecTeacher one = ExecTeacher.load(programs().resolve("replicator-01.bin").toString(), 64);
    assertThat(one.program(5, 0)).containsExactly(1, 2, 3);
  }

  @Test
  void aBadTeacherIsRefusedNamingThePathAndTheFix() throws Exception {
    assertThatThrownBy(() -> ExecTeacher.load(dir.resolve("nowhere").toString(), 64))
        .hasMessageStartingWith("world.exec.teacher: no such file or directory").hasMessageContaining("soup export");
    assertThatThrownBy(() -> ExecTeacher.load(dir.toString(), 64)).hasMessageContaining("holds no *.bin program");
    Path big = Files.write(dir.resolve("big.bin"), new byte[65]);
    assertThatThrownBy(() -> ExecTeacher.load(big.toString(), 64))
        .hasMessageContaining("has 65 bytes").hasMessageContaining("1 to 64");
    Path empty = Files.write(dir.resolve("empty.bin"), new byte[0]);
    assertThatThrownBy(() -> ExecTeacher.load(empty.toString(), 64)).hasMessageContaining("has 0 bytes");
  }

  @Test
  void aColonysBatchWithATeacherAnswersWithItsPrograms() throws Exception {
    HostProbe.assumeSandbox();
    WorldConfig c = WorldConfig.defaults();
    ExecConfig taught = new ExecConfig(1, true, true, -1, 0, programs().toString());
    WorldContext context = new WorldContext(new WorldConfig("exec", "exec-machine-64", 4, "", taught),
        ColonyCounts.local());
    assertThat(Worlds.get("exec").hasTextExpert("exec-machine-64", context)).isTrue();
    assertThat(Worlds.get("exec").hasTextExpert("exec-machine-64",
        new WorldContext(c, ColonyCounts.local()))).isFalse();
    try (WorldBatch b = Worlds.get("exec").batch("exec-machine-64", 4, context)) {
      assertThat(b).isInstanceOf(TextExpert.class);
      b.reset(3, 2);
      for (int i = 0; i < 4; i++) {
        assertThat(((TextExpert) b).expertText(i).length).isIn(3, 64);
      }
    }
    try (WorldBatch plain = Worlds.get("exec").batch("exec-machine-64", 2, new WorldContext(c, ColonyCounts.local()))) {
      assertThat(plain).isNotInstanceOf(TextExpert.class);
    }
    WorldContext missing = new WorldContext(new WorldConfig("exec", "exec-machine-64", 4, "",
        new ExecConfig(1, true, true, -1, 0, dir.resolve("gone").toString())), ColonyCounts.local());
    assertThatThrownBy(() -> Worlds.get("exec").spec("exec-machine-64", missing))
        .hasMessageStartingWith("world.exec.teacher: no such file");
  }
}
