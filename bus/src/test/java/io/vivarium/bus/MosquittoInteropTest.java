package io.vivarium.bus;

import static io.vivarium.bus.TestBus.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.core.config.BusConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bus against real Debian mosquitto and its command-line clients: a stand-in agent
 * publishes and listens through the {@link Bus} API the colony will use.
 */
class MosquittoInteropTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void mosquittoSubHearsTheAgentAndMosquittoPubRewardsIt() throws Exception {
    try (Mosquitto broker = Mosquitto.start(dir);
        MqttBus bus = MqttBus.open(TestBus.config(broker.url()), "lab");
        StandInAgent agent = new StandInAgent(bus, "a1");
        Stepper stepper = new Stepper(agent)) {
      assertThat(bus.connected()).isTrue();
      String out = subscribeAndRead(broker.port, bus.schema().topic(Topics.TEXT_TO_PARENT, "a1"));
      assertThat(out).contains("vivarium/lab/agents/a1/text:to_parent a1 step ");
      rewardUntilHeard(broker.port, bus, agent, "0.5");
      assertThat(agent.reward.get()).isPositive();
      Mosquitto.pub(broker.port, bus.schema().topic(Topics.TEXT_FROM_PARENT, "a1"), "hello a1");
      await(WAIT, "text from a person", () -> agent.heard.get().equals("hello a1"));
    }
  }

  @Test
  void mosquittoSubReadsFromTheEmbeddedBrokerWithTheCredentialsInTheDataDirectory() throws Exception {
    try (MqttBus bus = MqttBus.open(TestBus.config(""), "lab", dir);
        StandInAgent agent = new StandInAgent(bus, "a1");
        Stepper stepper = new Stepper(agent)) {
      int port = BrokerUrl.parse(bus.url()).port();
      BusCredentials c = BusCredentials.read(dir);
      String[] login = {"-u", c.user(), "-P", c.password()};
      String out = subscribeAndRead(port, bus.schema().topic(Topics.TEXT_TO_PARENT, "a1"), login);
      assertThat(out).contains("a1 step ");
      rewardUntilHeard(port, bus, agent, "1", login);
      String reward = bus.schema().topic(Topics.REWARD_FROM_PARENT, "a1");
      assertThat(Mosquitto.pub(port, reward, "5")).as("anonymous mosquitto_pub").isNotZero();
      assertThat(Mosquitto.pub(port, reward, "5", "-u", c.user(), "-P", c.password() + "0"))
          .as("mosquitto_pub with a wrong password").isNotZero();
    }
  }

  @Test
  void theColonyRunsOnThroughABrokerRestartAndRecovers() throws Exception {
    try (Mosquitto broker = Mosquitto.start(dir);
        MqttBus bus = MqttBus.open(TestBus.config(broker.url()), "lab");
        StandInAgent agent = new StandInAgent(bus, "a1");
        Stepper stepper = new Stepper(agent)) {
      String topic = bus.schema().topic(Topics.TEXT_TO_PARENT, "a1");
      assertThat(subscribeAndRead(broker.port, topic)).contains("a1 step ");

      broker.stop();
      await(WAIT, "the bus to notice the outage", () -> !bus.connected());
      long stepsAtOutage = agent.steps.get();
      await(WAIT, "the agent to keep stepping while the broker is down",
          () -> agent.steps.get() > stepsAtOutage + 20);
      assertThat(bus.stats().outages()).isGreaterThanOrEqualTo(1);

      broker.restart();
      await(WAIT, "the bus to reconnect", bus::connected);
      long stepsAfter = agent.steps.get();
      String out = subscribeAndRead(broker.port, topic);
      long seen = Long.parseLong(out.substring(out.lastIndexOf(' ') + 1).strip());
      assertThat(seen).isGreaterThan(stepsAfter - 5);
      rewardUntilHeard(broker.port, bus, agent, "0.25"); // the subscription came back too
    }
  }

  @Test
  void usernameAndPasswordComeFromConfiguration() throws Exception {
    Path passwords = Mosquitto.passwordFile(dir, "keeper", "s3cret");
    try (Mosquitto broker = Mosquitto.start(dir, "password_file " + passwords,
        "allow_anonymous false")) {
      BusConfig good = withCredentials(broker.url(), "keeper", "s3cret");
      try (MqttBus bus = MqttBus.open(good, "lab")) {
        assertThat(bus.connected()).isTrue();
      }
      BusConfig bad = withCredentials(broker.url(), "keeper", "wrong");
      try (MqttBus bus = MqttBus.open(bad, "lab")) {
        assertThat(bus.connected()).isFalse();
        bus.publishText("a1", "into the outbox, never sent"); // still never throws
      }
    }
  }

  @Test
  void tlsBrokersAreTrustedThroughTheConfiguredTrustStore() throws Exception {
    Mosquitto.Tls cert = Mosquitto.selfSigned(dir);
    Path store = cert.trustStore();
    try (Mosquitto broker = Mosquitto.start(dir, cert.config())) {
      String url = "ssl://127.0.0.1:" + broker.port;
      BusConfig tls = TestBus.tls(url, store.toString(), "changeit", "", "");
      try (MqttBus bus = MqttBus.open(tls, "lab");
          StandInAgent agent = new StandInAgent(bus, "a1")) {
        assertThat(bus.connected()).isTrue();
        assertThat(bus.url()).startsWith("ssl://");
      }
      // the JDK's default authorities do not know this self-signed broker: no connection
      BusConfig untrusted = TestBus.tls(url, "", "", "", "");
      try (MqttBus bus = MqttBus.open(untrusted, "lab")) {
        assertThat(bus.connected()).isFalse();
      }
      BusConfig missing = TestBus.tls(url, dir.resolve("nope.p12").toString(), "", "", "");
      assertThatThrownBy(() -> MqttBus.open(missing, "lab"))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bus.trustStore");
    }
  }

  // ---------------------------------------------------------------------------------------

  private static BusConfig withCredentials(String url, String user, String password) {
    return TestBus.config(url).withLogin(user, password);
  }

  /** The first three lines {@code mosquitto_sub} sees on {@code topic}. */
  private static String subscribeAndRead(int port, String topic, String... extra) throws Exception {
    Process sub = Mosquitto.sub(port, topic, 3, 20, extra);
    String out = Mosquitto.output(sub, 25);
    assertThat(out).as("mosquitto_sub output").contains(topic);
    return out.strip().lines().reduce((a, b) -> b).orElse("");
  }

  /** Publishes a reward with mosquitto_pub until the agent has recorded one. */
  private static void rewardUntilHeard(int port, Bus bus, StandInAgent agent, String reward,
      String... extra) throws Exception {
    double before = agent.reward.get();
    String topic = bus.schema().topic(Topics.REWARD_FROM_PARENT, agent.id);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (agent.reward.get() == before) {
      assertThat(System.nanoTime()).as("reward reaches the agent in time").isLessThan(deadline);
      assertThat(Mosquitto.pub(port, topic, reward, extra)).isZero();
      Thread.sleep(100);
    }
  }

  /** Steps a stand-in agent every 20 ms on its own thread, as a colony's scheduler would. */
  private static final class Stepper implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;

    Stepper(StandInAgent agent) {
      thread = Thread.ofPlatform().daemon().name("stand-in-" + agent.id).start(() -> {
        while (running) {
          agent.step();
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      thread.interrupt();
      thread.join(5000);
    }
  }
}
