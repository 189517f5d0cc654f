package io.vivarium.cli;

import io.vivarium.bench.bus.BusBench;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vivarium bench bus}: MQTT load through the embedded broker or an external one. */
@Command(name = "bus", mixinStandardHelpOptions = true,
    description = {"1 publisher, 4 subscribers, 200-byte payloads, QoS 0 then QoS 1, through the"
        + " embedded broker (or --broker URL); prints delivered_per_second_qos0,"
        + " delivered_per_second_qos1 and lost_qos1 among other key: value lines."})
final class BenchBusCommand extends VivariumCommand {
  @Option(names = "--seconds", paramLabel = "S", description = "Publishing time per QoS (default: ${DEFAULT-VALUE}).")
  int seconds = 5;

  @Option(names = "--broker", paramLabel = "URL", description = "An external broker, tcp://HOST:PORT, instead of the embedded one.")
  String broker;

  @Option(names = "--subscribers", paramLabel = "N", description = "Subscribers (default: ${DEFAULT-VALUE}).")
  int subscribers = 4;

  @Option(names = "--payload", paramLabel = "BYTES", description = "Payload size (default: ${DEFAULT-VALUE}).")
  int payload = 200;

  @Override
  public Integer call() throws Exception {
    List<String> args = new ArrayList<>(List.of("--seconds", Integer.toString(seconds),
        "--subscribers", Integer.toString(subscribers), "--payload", Integer.toString(payload)));
    if (broker != null) {
      args.addAll(List.of("--broker", broker));
    }
    return BusBench.run(args.toArray(String[]::new), out());
  }
}
