package io.vivarium.cli;

import io.vivarium.colony.DataDir;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.zoo.ZooServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vivarium zoo}: the zookeeper over a stopped colony's records, read-only. */
@Command(name = "zoo", mixinStandardHelpOptions = true,
    description = {"Serve the zookeeper web console, read-only, over a stopped colony in the data directory"
        + " (its agents, metrics, family tree, checkpoints and replays).",
        "(vivarium run serves it live, with controls.) Ctrl-C stops it."})
final class ZooCommand extends VivariumCommand {
  @Option(names = "--port", paramLabel = "P", description = "Port (zoo.port; 0 = a free one).")
  Integer port;

  @Option(names = "--host", paramLabel = "ADDR", description = "Address to bind (zoo.host); beyond loopback a token is required.")
  String host;

  @Parameters(paramLabel = "KEY=VALUE", arity = "0..*", description = "Configuration overrides, e.g. zoo.token=….")
  List<String> overrides = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    List<String> all = new ArrayList<>();
    if (port != null) {
      all.add("zoo.port=" + port);
    }
    if (host != null) {
      all.add("zoo.host=" + host);
    }
    all.addAll(overrides);
    VivariumConfig config = config(all);
    CountDownLatch stopped = new CountDownLatch(1);
    try (ZooServer zoo = ZooServer.start(config.zoo(), DataDir.of(dataDir()), null)) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        zoo.close();
        stopped.countDown();
      }, "zoo-shutdown"));
      out().println("zookeeper (read-only) on " + zoo.url());
      if (!zoo.token().isEmpty()) {
        out().println("token: " + zoo.token());
      }
      out().println("Ctrl-C stops it.");
      out().flush();
      stopped.await();
    }
    return 0;
  }
}
