package io.vivarium.colony.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.colony.DataDir;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.LearnMethod;
import io.vivarium.core.config.VivariumConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bc+grpo} in a byte-sequence world with an expert answer (the test world {@code copy}):
 * {@code auto} picks it, founders clone until {@code colony.bcSteps} and then learn by GRPO,
 * children start in GRPO; a sequence world without an answer is refused cloning.
 */
class ClonedAnswersTest {
  @TempDir Path dir;

  private static VivariumConfig config(String... extra) {
    List<String> o = new ArrayList<>(List.of("world.name=copy", "world.preset=copy", "colony.agents=2",
        "colony.maxAgents=2", "world.batch=4", "bus.enabled=false", "brain.preset=tiny", "colony.bcSteps=32"));
    o.addAll(List.of(extra));
    return ConfigResolver.resolve(null, o);
  }

  @Test
  void autoClonesAnswersInASequenceWorldWithAnExpert() {
    assertThat(Preflight.plan(config()).method()).isEqualTo(LearnMethod.BC_GRPO);
    String exec = "world.name=exec";
    assertThat(Preflight.plan(ConfigResolver.resolve(null, List.of(exec, "world.preset=exec-machine-64"))).method())
        .as("no answer to clone").isEqualTo(LearnMethod.GRPO);
  }

  @Test
  void foundersCloneThenLearnByGrpo() {
    try (Colony colony = new Colony(new DataDir(dir.resolve("c")), config(), l -> {})) {
      for (String id : colony.agentIds()) {
        assertThat(colony.find(id).phase).as(id + " at birth").isEqualTo(LearnMethod.BC);
      }
      colony.runRounds(3); // 4 instances × 4 steps a turn: 32 steps after two turns
      for (String id : colony.agentIds()) {
        LiveAgent a = colony.find(id);
        assertThat(a.phase).as(id + " after " + a.envSteps + " steps").isEqualTo(LearnMethod.GRPO);
        assertThat(a.learner.needs().group()).isEqualTo(4);
      }
    }
  }

  @Test
  void anExecColonyWithATeacherClonesItsPrograms() throws Exception {
    Path teacher = java.nio.file.Files.createDirectories(dir.resolve("replicators"));
    java.nio.file.Files.write(teacher.resolve("replicator-00.bin"), "[}}>]}.{<[.{<][".getBytes());
    VivariumConfig exec = ConfigResolver.resolve(null, List.of("world.name=exec", "world.preset=exec-machine-64",
        "colony.agents=1", "colony.maxAgents=1", "world.batch=8", "learn.grpo.group=4", "bus.enabled=false",
        "brain.preset=tiny", "colony.bcSteps=16", "world.exec.workers=1", "colony.replicateEvery=1000000", "world.exec.teacher=" + teacher));
    assertThat(Preflight.plan(exec).method()).isEqualTo(LearnMethod.BC_GRPO);
    try (Colony colony = new Colony(new DataDir(dir.resolve("e")), exec, l -> {})) {
      String id = colony.agentIds().get(0);
      assertThat(colony.find(id).phase).isEqualTo(LearnMethod.BC);
      colony.runRounds(1);
      byte[] taught = java.nio.file.Files.readAllBytes(teacher.resolve("replicator-00.bin"));
      assertThat(colony.registry.outputs(id, 100)).as("the brain's programs, not the teacher's it played")
          .isNotEmpty().noneMatch(o -> java.util.Arrays.equals(o.bytes(), taught));
      colony.runRounds(1);
      assertThat(colony.find(id).phase).as("cloned, then GRPO").isEqualTo(LearnMethod.GRPO);
    }
    assertThatThrownBy(() -> Preflight.check(ConfigResolver.resolve(null, List.of("world.name=exec",
        "world.preset=exec-machine-64", "world.exec.teacher=" + dir.resolve("gone")))))
        .hasMessageStartingWith("world.exec.teacher: no such file or directory");
  }

  @Test
  void phasesOfTheCompositions() {
    assertThat(Methods.firstPhase(LearnMethod.BC_GRPO, true, 0, 32)).isEqualTo(LearnMethod.BC);
    assertThat(Methods.firstPhase(LearnMethod.BC_GRPO, true, 32, 32)).as("a founder resumed late").isEqualTo(
        LearnMethod.GRPO);
    assertThat(Methods.firstPhase(LearnMethod.BC_GRPO, false, 0, 32)).as("a child").isEqualTo(LearnMethod.GRPO);
    assertThat(Methods.firstPhase(LearnMethod.BC_PPO, false, 0, 32)).isEqualTo(LearnMethod.PPO);
    assertThat(Methods.firstPhase(LearnMethod.GRPO, true, 0, 32)).isEqualTo(LearnMethod.GRPO);
    assertThat(Methods.cloningDone(LearnMethod.BC_GRPO, LearnMethod.BC, 32, 32)).isTrue();
    assertThat(Methods.cloningDone(LearnMethod.BC_GRPO, LearnMethod.BC, 31, 32)).isFalse();
    assertThat(Methods.cloningDone(LearnMethod.BC, LearnMethod.BC, 1000, 32)).as("bc alone never switches").isFalse();
  }

  @Test
  void cloningASequenceWorldWithoutAnAnswerIsRefused() {
    assertThatThrownBy(() -> Preflight.check(ConfigResolver.resolve(null, List.of("learn.method=bc+grpo",
        "world.name=exec", "world.preset=exec-machine-64"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("learn.method=bc+grpo clones the world's expert, but exec exec-machine-64 has none")
        .hasMessageContaining("use learn.method=grpo or ppo");
  }
}
