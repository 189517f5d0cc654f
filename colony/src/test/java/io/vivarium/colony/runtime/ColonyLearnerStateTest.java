package io.vivarium.colony.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.store.Checkpoint;
import io.vivarium.colony.store.CheckpointStore;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.VivariumConfig;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent's learner state survives a restart and a hibernation through its checkpoint's
 * learner section; damaged or old checkpoints still resume the brain; a stop during gradient
 * steps ends the turn and checkpoints every agent. On small real colonies.
 */
class ColonyLearnerStateTest {
  @TempDir Path dir;

  private static VivariumConfig config(String... extra) {
    List<String> o = new ArrayList<>(List.of("colony.agents=2", "colony.maxAgents=4", "colony.replicateEvery=2",
        "colony.protectTurns=1", "world.preset=gold-bare-5x5", "world.batch=4", "bus.enabled=false",
        "learn.method=bc+ppo", "colony.bcSteps=256"));
    o.addAll(List.of(extra));
    return ConfigResolver.resolve(null, o);
  }

  /** What must carry over for one agent. */
  private record Snapshot(long envSteps, io.vivarium.core.config.LearnMethod phase, double fitness, double successRate, long episodes,
      long sinceChild, int optimizerSteps) {}

  private static Snapshot snapshot(LiveAgent a) {
    return new Snapshot(a.envSteps, a.phase, a.fitness, a.episodes.successRate(), a.episodes.episodes(),
        a.episodes.episodes() - a.episodesAtLastBirth, a.learner.optimizerSteps());
  }

  private static Map<String, Snapshot> snapshots(Colony colony) {
    Map<String, Snapshot> out = new LinkedHashMap<>();
    for (String id : colony.agentIds()) {
      out.put(id, snapshot(colony.find(id)));
    }
    return out;
  }

  @Test
  void resumedAndWokenAgentsContinueTheirLearners() {
    DataDir data = new DataDir(dir.resolve("c"));
    Map<String, Snapshot> before;
    try (Colony colony = new Colony(data, config(), l -> {})) {
      colony.runRounds(4);
      before = snapshots(colony);
    }
    assertThat(before.values()).as("some agent finished episodes").anySatisfy(s -> assertThat(s.episodes()).isPositive());
    assertThat(before.values()).as("some learner took steps").anySatisfy(s -> assertThat(s.optimizerSteps()).isPositive());
    assertThat(before.values()).as("some parent").anySatisfy(s -> assertThat(s.sinceChild()).isLessThan(s.episodes()));
    List<String> lines = new ArrayList<>();
    try (Colony colony = new Colony(data, config(), lines::add)) {
      assertThat(snapshots(colony)).isEqualTo(before);
      for (String id : before.keySet()) {
        assertThat(Double.valueOf(colony.find(id).successRate)).isEqualTo(Double.valueOf(before.get(id).successRate()));
      }
      String id = before.keySet().iterator().next();
      colony.lifecycle.hibernate(colony.find(id));
      AgentRow row = colony.registry.agents().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
      colony.lifecycle.wake(row);
      assertThat(snapshot(colony.find(id))).isEqualTo(before.get(id));
    }
    assertThat(lines).noneMatch(l -> l.contains("warning"));
  }

  @Test
  void aDamagedLearnerSectionResumesTheBrainWithAFreshLearner() throws Exception {
    DataDir data = new DataDir(dir.resolve("d"));
    Snapshot was;
    try (Colony colony = new Colony(data, config("learn.method=ppo", "colony.replicateEvery=1000000"), l -> {})) {
      colony.runRounds(2);
      was = snapshot(colony.find("a0001"));
    }
    CheckpointStore store = data.checkpoints();
    Checkpoint newest = store.list("a0001").getLast();
    byte[] bytes = Files.readAllBytes(newest.file());
    bytes[bytes.length - 5] ^= 0x5A; // inside the learner section, the file's last
    Files.write(newest.file(), bytes);
    assertThat(store.verify(newest)).get().asString().contains("learner section SHA-256 mismatch");

    List<String> lines = new ArrayList<>();
    try (Colony colony = new Colony(data, config("learn.method=ppo", "colony.replicateEvery=1000000"), lines::add)) {
      LiveAgent a = colony.find("a0001");
      assertThat(a).as("the brain resumes").isNotNull();
      assertThat(a.envSteps).as("from the newest checkpoint").isEqualTo(was.envSteps());
      assertThat(a.learner.optimizerSteps()).isZero();
      assertThat(a.episodes.episodes()).isZero();
      assertThat(colony.find("a0002").learner.optimizerSteps()).isPositive();
    }
    assertThat(lines).anySatisfy(l -> assertThat(l)
        .contains("warning: agent a0001 resumes with a fresh learner state").contains("SHA-256 mismatch"));
  }

  @Test
  void aVersionOneCheckpointResumesWithAFreshLearner() throws Exception {
    DataDir data = new DataDir(dir.resolve("v"));
    try (Colony colony = new Colony(data, config("learn.method=ppo", "colony.replicateEvery=1000000"), l -> {})) {
      colony.runRounds(1);
    }
    CheckpointStore store = data.checkpoints();
    Checkpoint newest = store.list("a0001").getLast();
    writeVersionOne(newest, store.read(newest));
    Checkpoint old = store.list("a0001").getLast();
    assertThat(old.version()).isEqualTo(1);
    assertThat(store.verify(old)).isEmpty();

    List<String> lines = new ArrayList<>();
    try (Colony colony = new Colony(data, config("learn.method=ppo", "colony.replicateEvery=1000000"), lines::add)) {
      LiveAgent a = colony.find("a0001");
      assertThat(a.envSteps).isEqualTo(newest.step());
      assertThat(a.learner.optimizerSteps()).isZero();
      colony.runRounds(1);
    }
    assertThat(lines).noneMatch(l -> l.contains("warning"));
    assertThat(store.list("a0001").getLast().version()).as("new checkpoints are version 2").isEqualTo(2);
  }

  /** Rewrites {@code c} in checkpoint format version 1 (docs/formats.md), brain only. */
  private static void writeVersionOne(Checkpoint c, byte[] payload) throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(buf);
    byte[] id = c.agent().getBytes(StandardCharsets.UTF_8);
    out.writeInt(0x5656434B);
    out.writeInt(1);
    out.writeShort(id.length);
    out.write(id);
    out.writeLong(c.step());
    out.writeLong(c.createdMillis());
    out.writeDouble(c.fitness());
    out.write(c.configHash());
    out.writeLong(payload.length);
    out.write(MessageDigest.getInstance("SHA-256").digest(payload));
    CRC32 crc = new CRC32();
    crc.update(buf.toByteArray());
    out.writeInt((int) crc.getValue());
    out.write(payload);
    out.flush();
    Files.write(c.file(), buf.toByteArray());
  }

  @Test
  void aStopDuringGradientStepsEndsTheTurnAndCheckpointsEveryAgent() throws Exception {
    DataDir data = new DataDir(dir.resolve("s"));
    VivariumConfig cfg = config("learn.method=ppo", "world.batch=8", "colony.replicateEvery=1000000",
        "learn.ppo.epochs=1000"); // 1000 epochs: a turn far longer than the test
    WatchedLearners learners = new WatchedLearners();
    long stepsAtStop;
    try (Colony colony = new Colony(data, cfg, l -> {}, learners)) {
      // both agents update at once on their learner threads (colony.learners): checks are counted per agent
      java.util.Map<String, AtomicInteger> checks = new java.util.concurrent.ConcurrentHashMap<>();
      CountDownLatch updating = new CountDownLatch(1);
      learners.beforeStep = id -> {
        if (checks.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() == 3) {
          updating.countDown(); // two whole updates are behind, the third is about to start
        }
      };
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread runner = new Thread(() -> {
        try {
          colony.run(0);
        } catch (Throwable t) {
          failure.set(t);
        }
      }, "colony");
      runner.start();
      assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
        assertThat(updating.await(50, TimeUnit.SECONDS)).isTrue();
        long stopped = System.nanoTime();
        colony.stop();
        java.util.Map<String, Integer> atStop = new java.util.HashMap<>();
        checks.forEach((id, n) -> atStop.put(id, n.get()));
        runner.join();
        System.out.printf("stop to checkpointed: %.2f s (printed, not asserted)%n", (System.nanoTime() - stopped) / 1e9);
        checks.forEach((id, n) -> assertThat(n.get() - atStop.getOrDefault(id, 0))
            .as("at most one more check of " + id + ", which said stop").isLessThanOrEqualTo(1));
      });
      assertThat(failure.get()).isNull();
      assertThat(colony.agentIds()).containsExactly("a0001", "a0002");
      int steps = colony.find("a0001").learner.optimizerSteps() + colony.find("a0002").learner.optimizerSteps();
      // the other agent may still have been collecting when the stop came (its turn then ends early)
      stepsAtStop = colony.find("a0001").envSteps;
      assertThat(steps).as("the updates taken before the stop, and at most one more each").isBetween(2, 6);
    }
    CheckpointStore store = data.checkpoints();
    for (String id : List.of("a0001", "a0002")) {
      CheckpointStore.Loaded l = store.latest(id, d -> { throw new AssertionError(d.reason()); }).orElseThrow();
      assertThat(store.verify(l.checkpoint())).isEmpty();
      assertThat(l.learner()).isNotNull();
      assertThat(LearnerState.decode(l.learner()).phase()).isEqualTo(io.vivarium.core.config.LearnMethod.PPO);
    }
    assertThat(store.list("a0001").getLast().step()).as("checkpointed after its stopped turn").isEqualTo(stepsAtStop)
        .isPositive();
  }
}
