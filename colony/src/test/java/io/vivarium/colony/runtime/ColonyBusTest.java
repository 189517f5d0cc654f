package io.vivarium.colony.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vivarium.bus.BrokerUrl;
import io.vivarium.bus.Bus;
import io.vivarium.bus.BusCredentials;
import io.vivarium.bus.ByteCounts;
import io.vivarium.bus.ColonyEntropy;
import io.vivarium.bus.MqttBus;
import io.vivarium.bus.TopicSchema;
import io.vivarium.bus.Topics;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AskRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.Event;
import io.vivarium.core.config.BusConfig;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.core.world.Image;
import io.vivarium.core.world.Png;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small colony on its embedded broker, watched by a second bus client: every agent channel
 * goes out with its documented payload, and people's text comes back into the agents' context.
 */
class ColonyBusTest {
  static final int BATCH = 2;
  /** People's text, with what JSON must escape. */
  private static final String SAID = "go \"left\",\n\tlittle one \\ \u263A";
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  @TempDir Path dir;

  static VivariumConfig config(String... extra) {
    List<String> o = new ArrayList<>(List.of("colony.agents=1", "colony.replicateEvery=1000000",
        "world.preset=gold-bare-5x5", "world.batch=" + BATCH, "bus.port=0", "bus.intervalMillis=0",
        "bus.videoIntervalMillis=0"));
    o.addAll(List.of(extra));
    return ConfigResolver.resolve(null, o);
  }

  /** The bus configuration of a person's client with the credentials in the colony's {@code dataDir}. */
  static BusConfig login(Path dataDir) {
    BusCredentials c = BusCredentials.read(dataDir);
    return BusConfig.defaults().withLogin(c.user(), c.password());
  }

  /** The broker address the colony printed at start. */
  static String brokerUrl(List<String> lines) {
    for (String l : lines) {
      Matcher m = Pattern.compile("^bus: (tcp://\\S+)").matcher(l);
      if (m.find()) {
        return m.group(1);
      }
    }
    throw new AssertionError("the colony printed no bus line: " + lines);
  }

  /** Runs rounds until {@code done} holds; fails after {@code max} rounds. */
  static void roundsUntil(Colony colony, int max, String what, BooleanSupplier done) {
    for (int r = 0; r < max && !done.getAsBoolean(); r++) {
      colony.runRounds(1);
    }
    assertThat(done.getAsBoolean()).as("after %d rounds: %s", max, what).isTrue();
  }

  @Test
  void everyAgentChannelGoesOutAndPeoplesTextComesIn() {
    List<String> lines = new CopyOnWriteArrayList<>();
    Map<String, List<byte[]>> raw = new ConcurrentHashMap<>();
    List<ByteCounts> counts = new CopyOnWriteArrayList<>();
    List<ColonyEntropy> entropy = new CopyOnWriteArrayList<>();
    List<Event> events = new CopyOnWriteArrayList<>();
    try (Colony colony = new Colony(new DataDir(dir.resolve("c")), config("bus.textBytes=16"), lines::add);
        MqttBus watcher = MqttBus.connect(BrokerUrl.parse(brokerUrl(lines)), "vivarium", login(dir.resolve("c")),
            null)) {
      assertThat(lines).anySatisfy(l -> assertThat(l).contains("login in " + dir.resolve("c").resolve("bus.credentials")));
      try (MqttBus anonymous = MqttBus.connect(BrokerUrl.parse(brokerUrl(lines)), "vivarium", BusConfig.defaults(),
          null)) {
        assertThat(anonymous.connected()).as("a client without the colony's credentials").isFalse();
      }
      String any = TopicSchema.ANY_AGENT;
      watcher.subscribe(Topics.MOTOR_TO_WORLD, "a0001", into(raw, "motor"));
      watcher.subscribe(Topics.VIDEO_FROM_WORLD, any, into(raw, "video"));
      watcher.subscribe(Topics.TOUCH_WORLD, "a0001", into(raw, "touch"));
      watcher.subscribe(Topics.BYTE_COUNTS, any, (a, v) -> counts.add(v));
      watcher.subscribe(Topics.ENTROPY, "", (a, v) -> entropy.add(v));
      watcher.subscribe(Topics.EVENTS, "", (a, v) -> events.add(v));
      watcher.flush(5_000);
      colony.runRounds(1);
      watcher.publish(Topics.TEXT_FROM_PARENT, "a0001", SAID);
      roundsUntil(colony, 60, "every channel heard and a0001 tells what it heard", () -> raw.size() == 3
          && !counts.isEmpty() && !entropy.isEmpty() && !events.isEmpty() && lastTouch(raw).contains("little one"));

      // motor:to_world: instance 0's actions of one turn, gold's alphabet
      byte[] motor = raw.get("motor").get(0);
      assertThat(motor).hasSize(32);
      assertThat(new String(motor, StandardCharsets.US_ASCII)).matches("[LRF]+");
      // video:from_world: a PNG of the 5x5 room with its border, 8 pixels per cell
      byte[] png = raw.get("video").get(0);
      assertThat(png).startsWith(PNG);
      Image picture = decode(png);
      assertThat(picture.width()).isEqualTo(7 * 8);
      // touch:world: the JSON summary, with people's text clipped into the agent's context
      String touch = lastTouch(raw);
      assertThat(touch).startsWith("{\"format\":\"vivarium.touch\",\"version\":1,");
      JsonNode json = json(touch);
      assertThat(json.get("agent").asText()).isEqualTo("a0001");
      assertThat(json.get("world").asText()).isEqualTo("gold");
      assertThat(json.get("heard").asText()).isEqualTo(SAID);
      assertThat(json.get("scene").asText()).startsWith("#######\n#").hasLineCount(8).contains("gold left"); // the room and its status
      assertThat(json.get("envSteps").asLong()).isPositive();
      assertThat(json.get("machine").get("cpus").asInt()).isPositive();
      assertThat(json.get("bus").get("malformed").asLong()).isZero();
      // bytecounts: one turn of every instance's actions per message (interval 0), only L, R, F
      ByteCounts c = counts.get(0);
      assertThat(c.total()).isEqualTo((long) 32 * BATCH);
      assertThat(c.count('L') + c.count('R') + c.count('F')).isEqualTo(c.total());
      ColonyEntropy e = entropy.get(entropy.size() - 1);
      assertThat(e.bits()).isBetween(0.0, Math.log(3) / Math.log(2) + 1e-9);
      assertThat(events).anySatisfy(ev -> assertThat(ev.kind()).isIn("checkpoint", "birth", "resume"));
      assertThat(lines).anySatisfy(l -> assertThat(l).contains(" · entropy "));

      // a stranger's flat histogram (8 bits if it counted) is ignored, counted and shown
      long[] flat = new long[256];
      java.util.Arrays.fill(flat, 1000);
      watcher.publishByteCounts("zz01", new ByteCounts(1, flat));
      roundsUntil(colony, 60, "the stranger's counts ignored", () -> colony.link.ignoredCounts() == 1);
      colony.runRounds(1);
      assertThat(lines).anySatisfy(l -> assertThat(l).contains(" · 1 foreign byte counts ignored"));
      assertThat(entropy.get(entropy.size() - 1).bits()).isBetween(0.0, Math.log(3) / Math.log(2) + 1e-9);
      assertThat(entropy.get(entropy.size() - 1).agents()).isEqualTo(1);
      // the bus's counters are colony metrics each round (for the console, TensorBoard and /metrics)
      assertThat(colony.registry.metrics().newestOf("colony")).containsKeys("bus_dropped", "bus_malformed", "bus_outages")
          .containsEntry("bus_outages", 0.0);
    }
  }

  @Test
  void withoutItsBrokerTheColonyRunsOnAndSaysSo() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort(); // closed again: nothing listens there
    }
    List<String> lines = new CopyOnWriteArrayList<>();
    DataDir data = new DataDir(dir.resolve("alone"));
    try (Colony colony = new Colony(data, config("bus.url=tcp://127.0.0.1:" + port), lines::add)) {
      colony.runRounds(1);
    }
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("is unreachable; the colony runs on"));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains(" steps/s", " · bus down "));
    try (Registry r = Registry.openReadOnly(data.registry())) {
      assertThat(r.events().count("bus_down", null)).isEqualTo(1);
    }
  }

  @Test
  void aPersonsQuestionOnTheBusIsAnsweredOnTheBusByAChatColony() {
    List<String> lines = new CopyOnWriteArrayList<>();
    List<String> heard = new CopyOnWriteArrayList<>();
    VivariumConfig chat = ConfigResolver.resolve(null, List.of("world.name=chat", "world.preset=chat-arith",
        "colony.agents=1", "colony.replicateEvery=1000000", "world.batch=8", "learn.grpo.group=4",
        "colony.turnSteps=1", "learn.method=grpo", "learn.grpo.epochs=1", "memory.enabled=false", "bus.port=0",
        "bus.intervalMillis=0"));
    try (Colony colony = new Colony(new DataDir(dir.resolve("chat")), chat, lines::add);
        MqttBus person = MqttBus.connect(BrokerUrl.parse(brokerUrl(lines)), "vivarium", login(dir.resolve("chat")),
            null)) {
      person.subscribe(Topics.TEXT_TO_PARENT, "a0001", (a, v) -> heard.add(v));
      person.flush(5_000);
      colony.runRounds(1);
      person.publish(Topics.TEXT_FROM_PARENT, "a0001", "What is 2 + 3?");
      person.publish(Topics.TEXT_FROM_PARENT, "a0001", "");
      roundsUntil(colony, 20, "a0001 answered the person's question", () -> answered(colony).isPresent());
      roundsUntil(colony, 20, "the empty question was refused on the bus",
          () -> heard.stream().anyMatch(h -> h.startsWith("refused: ")));
      AskRow row = answered(colony).orElseThrow();
      assertThat(row.source()).isEqualTo("bus");
      assertThat(row.answeredBy()).isEqualTo("a0001");
      roundsUntil(colony, 5, "the answer went out on text:to_parent", () -> heard.contains(row.answer()));
      assertThat(heard.stream().filter(h -> h.startsWith("refused: ")).findFirst().orElseThrow()).contains("empty");
    }
  }

  private static java.util.Optional<AskRow> answered(Colony colony) {
    return colony.registry.asks().recent(10).stream()
        .filter(r -> r.state().equals("answered") && r.text().equals("What is 2 + 3?")).findFirst();
  }

  private static Bus.Handler<byte[]> into(Map<String, List<byte[]>> raw, String name) {
    return (agent, v) -> raw.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>()).add(v);
  }

  private static String lastTouch(Map<String, List<byte[]>> raw) {
    List<byte[]> t = raw.get("touch");
    return t == null || t.isEmpty() ? "" : new String(t.get(t.size() - 1), StandardCharsets.UTF_8);
  }

  private static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError("touch:world is not JSON: " + text, e);
    }
  }

  private static Image decode(byte[] png) {
    try {
      return Png.decode(png, "video frame");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
