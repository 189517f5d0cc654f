package io.vivarium.colony.runtime;

import static io.vivarium.colony.runtime.ColonyBusTest.roundsUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.bus.BrokerUrl;
import io.vivarium.bus.Mosquitto;
import io.vivarium.bus.MqttBus;
import io.vivarium.bus.Topics;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.config.BusConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A colony on an external Debian mosquitto: {@code mosquitto_sub} hears the agent, people's
 * rewards and a malformed one arrive by {@code mosquitto_pub}, a subscriber that stops reading
 * holds nothing up, and the broker is stopped and restarted mid-run while the colony runs on.
 */
class ColonyMosquittoTest {
  private static final String AGENT = "vivarium/vivarium/agents/a0001/";

  @TempDir Path dir;

  @Test
  void theColonyTalksThroughMosquittoAndRunsOnThroughARestart() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    DataDir data = new DataDir(dir.resolve("colony"));
    Process stuck = null;
    try (Mosquitto broker = Mosquitto.start(dir);
        Colony colony = new Colony(data, ColonyBusTest.config("bus.url=" + broker.url()), lines::add);
        MqttBus watcher = MqttBus.connect(BrokerUrl.parse(broker.url()), "vivarium", BusConfig.defaults(), null)) {
      List<String> touches = new CopyOnWriteArrayList<>();
      watcher.subscribe(Topics.TOUCH_WORLD, "a0001", (a, v) -> touches.add(new String(v, StandardCharsets.UTF_8)));
      // 1. A person listens; another subscriber stops reading (SIGSTOP) and stays stopped.
      Process motor = Mosquitto.sub(broker.port, AGENT + "motor:to_world", 1, 300);
      stuck = Mosquitto.sub(broker.port, "vivarium/vivarium/#", 1_000_000, 600);
      signal("STOP", stuck);
      roundsUntil(colony, 10, "mosquitto_sub heard a0001's actions", () -> !motor.isAlive());
      assertThat(Mosquitto.output(motor, 5)).matches("(?s)" + AGENT + "motor:to_world [LRF]+\\s*");

      // 2. People reward the agent, once well and once with a payload that is not a number.
      assertThat(Mosquitto.pub(broker.port, AGENT + "reward:from_parent", "0.5")).isZero();
      assertThat(Mosquitto.pub(broker.port, AGENT + "reward:from_parent", "lots")).isZero();
      roundsUntil(colony, 10, "the reward counted, the bad one counted as malformed", () -> touches.stream()
          .anyMatch(t -> t.contains("\"humanReward\":0.5,") && t.contains("\"malformed\":1}")));

      // 3. The broker goes away: the colony runs on and says so; it comes back: the colony reconnects.
      broker.stop();
      colony.runRounds(1);
      assertThat(lines).anySatisfy(l -> assertThat(l).contains("is unreachable; the colony runs on"));
      assertThat(lines).anySatisfy(l -> assertThat(l).contains(" steps/s", " · bus down "));
      broker.restart();
      roundsUntil(colony, 20, "reconnected", () -> lines.stream().anyMatch(l -> l.contains("bus: reconnected to")));
      Process after = Mosquitto.sub(broker.port, AGENT + "motor:to_world", 1, 300);
      roundsUntil(colony, 10, "mosquitto_sub heard a0001 after the restart", () -> !after.isAlive());
      assertThat(Mosquitto.output(after, 5)).contains(AGENT + "motor:to_world ");
    } finally {
      if (stuck != null) {
        stuck.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    try (Registry r = Registry.openReadOnly(data.registry())) {
      assertThat(r.events().count("bus_down", null)).isEqualTo(1);
      assertThat(r.events().count("bus_up", null)).isEqualTo(1);
      assertThat(r.events().count("reward", "a0001")).isEqualTo(1);
    }
  }

  @Test
  void tlsAndPasswordComeFromTheConfiguration() throws Exception {
    Mosquitto.Tls tls = Mosquitto.selfSigned(dir);
    Path passwords = Mosquitto.passwordFile(dir, "keeper", "s3cret");
    List<String> extra = new ArrayList<>(List.of(tls.config()));
    extra.addAll(List.of("password_file " + passwords, "allow_anonymous false"));
    try (Mosquitto broker = Mosquitto.start(dir, extra.toArray(String[]::new));
        Colony colony = new Colony(new DataDir(dir.resolve("colony")), ColonyBusTest.config(
            "bus.url=ssl://127.0.0.1:" + broker.port, "bus.username=keeper", "bus.password=s3cret",
            "bus.trustStore=" + tls.trustStore(), "bus.trustStorePassword=changeit"), l -> {})) {
      Process motor = Mosquitto.sub(broker.port, AGENT + "motor:to_world", 1, 300,
          "--cafile", tls.cert().toString(), "-u", "keeper", "-P", "s3cret");
      roundsUntil(colony, 10, "mosquitto_sub heard a0001 over TLS with a password", () -> !motor.isAlive());
      assertThat(Mosquitto.output(motor, 5)).matches("(?s)" + AGENT + "motor:to_world [LRF]+\\s*");
    }
  }

  private static void signal(String name, Process p) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).as("kill -%s %d", name, p.pid()).isZero();
  }
}
