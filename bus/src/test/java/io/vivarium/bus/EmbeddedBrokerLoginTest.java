package io.vivarium.bus;

import static io.vivarium.bus.TestBus.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may talk on the embedded broker: only a client with the credentials the bus generated
 * into the data directory; plain MQTT clients without them, or with a wrong password, are
 * refused at connection.
 */
class EmbeddedBrokerLoginTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  @Test
  void anonymousAndWrongPasswordsAreRefusedAndTheRightOnesPublishToTheColony() {
    try (MqttBus bus = MqttBus.open(TestBus.config(""), "lab", dir)) {
      int port = BrokerUrl.parse(bus.url()).port();
      BusCredentials login = BusCredentials.read(dir);
      List<Double> rewards = new CopyOnWriteArrayList<>();
      bus.onRewardFromParent("+", (agent, r) -> rewards.add(r));
      String topic = bus.schema().topic(Topics.REWARD_FROM_PARENT, "a1");

      assertRefused(() -> client(port).connect());
      assertRefused(() -> client(port).connectWith().simpleAuth().username(login.user())
          .password(wrong(login.password()).getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send());
      assertRefused(() -> client(port).connectWith().simpleAuth().username("someone")
          .password(login.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send());

      await(WAIT, "a reward from a client with the right credentials", () -> {
        TestBus.publishRaw(port, login, topic, "0.5".getBytes(StandardCharsets.UTF_8));
        return rewards.contains(0.5);
      });
      assertThat(bus.stats().malformed()).isZero();
    }
  }

  @Test
  void theCredentialsAreWrittenOwnerOnlyOnceAndReused() throws Exception {
    String first;
    try (MqttBus bus = MqttBus.open(TestBus.config(""), "lab", dir)) {
      first = BusCredentials.read(dir).password();
    }
    Path file = dir.resolve(BusCredentials.FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(Files.readAllLines(file).getFirst()).isEqualTo(BusCredentials.HEADER);
    assertThat(first).hasSizeGreaterThanOrEqualTo(32); // 128 bits at least, in hex
    try (MqttBus bus = MqttBus.open(TestBus.config(""), "lab", dir)) {
      assertThat(BusCredentials.read(dir).password()).isEqualTo(first);
      assertThat(bus.connected()).isTrue();
    }
    assertThat(BusCredentials.random().password()).isNotEqualTo(BusCredentials.random().password());
    assertThat(BusCredentials.random().toString()).doesNotContain(BusCredentials.read(dir).password());
  }

  @Test
  void anUnsafeOrDamagedCredentialsFileIsAnErrorThatSaysTheFix() throws Exception {
    BusCredentials.loadOrCreate(dir);
    Path file = dir.resolve(BusCredentials.FILE);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> MqttBus.open(TestBus.config(""), "lab", dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("rw-r--r--").hasMessageContaining("chmod 600");

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    Files.writeString(file, "user=vivarium\npassword=x\n");
    assertThatThrownBy(() -> BusCredentials.loadOrCreate(dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("not a bus credentials file")
        .hasMessageContaining("delete");
    Files.writeString(file, BusCredentials.HEADER + "\nuser=vivarium\npassword=short\n");
    assertThatThrownBy(() -> BusCredentials.loadOrCreate(dir))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("bad credentials")
        .hasMessageContaining("hexadecimal");
    Path real = Files.move(file, dir.resolve("real"));
    Files.createSymbolicLink(file, real);
    assertThatThrownBy(() -> BusCredentials.loadOrCreate(dir))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("must be a regular file");
    assertThatThrownBy(() -> BusCredentials.read(dir.resolve("elsewhere")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("start the colony");
  }

  private static Mqtt3BlockingClient client(int port) {
    return MqttClient.builder().useMqttVersion3().serverHost("127.0.0.1").serverPort(port).buildBlocking();
  }

  private static void assertRefused(Runnable connect) {
    assertThatThrownBy(connect::run).isInstanceOfSatisfying(Mqtt3ConnAckException.class, e ->
        assertThat(e.getMqttMessage().getReturnCode()).isIn(Mqtt3ConnAckReturnCode.NOT_AUTHORIZED,
            Mqtt3ConnAckReturnCode.BAD_USER_NAME_OR_PASSWORD));
  }

  /** {@code password} with its first digit changed. */
  private static String wrong(String password) {
    return (password.charAt(0) == '0' ? "1" : "0") + password.substring(1);
  }
}
