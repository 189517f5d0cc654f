package io.vivarium.zoo;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.runtime.Colony;
import io.vivarium.core.config.ZooConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real small colony running on its own thread with a zookeeper on port 0, for live tests; it does
 * not replicate, so no agent is culled under a test.
 */
final class LiveColony implements AutoCloseable {
  final Colony colony;
  final ZooServer zoo;
  private final Thread runner;

  LiveColony(Path root, String token) {
    this(root, token, "colony.maxAgents=8");
  }

  /** A colony of {@link SmallColony#config} with {@code extra} settings (e.g. another world). */
  LiveColony(Path root, String token, String... extra) {
    List<String> settings = new ArrayList<>(List.of(extra));
    settings.add("colony.replicateEvery=1000000");
    colony = new Colony(new DataDir(root), SmallColony.config(settings.toArray(String[]::new)), l -> {});
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
