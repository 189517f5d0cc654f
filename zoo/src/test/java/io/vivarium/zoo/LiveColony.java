package io.vivarium.zoo;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.runtime.Colony;
import io.vivarium.core.config.ZooConfig;
import java.nio.file.Path;

/**
 * A real small colony running on its own thread with a zookeeper on port 0, for live tests; it does
 * not replicate, so no agent is culled under a test.
 */
final class LiveColony implements AutoCloseable {
  final Colony colony;
  final ZooServer zoo;
  private final Thread runner;

  LiveColony(Path root, String token) {
    colony = new Colony(new DataDir(root), SmallColony.config("colony.maxAgents=8", "colony.replicateEvery=1000000"), l -> {});
    runner = new Thread(() -> colony.run(0), "test-colony");
    runner.setDaemon(true);
    runner.start();
    zoo = ZooServer.start(new ZooConfig(true, "127.0.0.1", 0, token), colony.dataDir(), colony);
  }

  @Override
  public void close() throws InterruptedException {
    zoo.close();
    colony.stop();
    runner.join(60_000);
    colony.close();
  }
}
