package io.vivarium.colony;

import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.store.Checkpoint;
import io.vivarium.colony.store.CheckpointStore;
import io.vivarium.core.Event;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The child process of {@link CrashSafetyTest}: writes checkpoints and registry rows in a
 * loop, as a colony would, until it is killed.
 */
public final class CrashWriter {
  static final List<String> AGENTS = List.of("a0001", "a0002", "a0003");

  public static void main(String[] args) {
    DataDir dir = new DataDir(Path.of(args[0]));
    SplittableRandom rng = new SplittableRandom(Long.parseLong(args[1]));
    CheckpointStore store = dir.checkpoints();
    try (Registry registry = Registry.open(dir.registry())) {
      long[] steps = new long[AGENTS.size()];
      for (int a = 0; a < AGENTS.size(); a++) {
        registry.putAgent(new AgentRow(AGENTS.get(a), null, 0, AgentState.ALIVE, "gold", "tiny", 0, 0, 1, 0, null));
        List<Checkpoint> mine = store.list(AGENTS.get(a));
        steps[a] = mine.isEmpty() ? 0 : mine.get(mine.size() - 1).step() + 1;
      }
      System.out.println("ready");
      System.out.flush();
      for (long i = 0; ; i++) {
        int a = (int) (i % AGENTS.size());
        String agent = AGENTS.get(a);
        byte[] payload = new byte[1024 + rng.nextInt(512 * 1024)];
        rng.nextBytes(payload);
        Checkpoint c = store.write(agent, steps[a], rng.nextDouble(), new byte[32], payload);
        registry.addCheckpoint(agent, c.step(), dir.root().relativize(c.file()).toString(),
            c.sha256Hex(), c.fileSize(), c.fitness(), c.createdMillis());
        registry.addMetric(agent, steps[a], "return", rng.nextDouble());
        registry.addEvent(Event.now("checkpoint", agent, "{\"step\":" + steps[a] + "}"));
        steps[a]++;
      }
    }
  }
}
