package io.vivarium.colony.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.bus.BrokerUrl;
import io.vivarium.bus.MqttBus;
import io.vivarium.bus.Topics;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.audio.Speech;
import io.vivarium.core.audio.Wav;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.VivariumConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A listen colony on its embedded broker with a person's client: a spoken word published on
 * {@code audio:from_parent} reaches the agent, whose answer comes back on {@code text:to_parent}
 * and spoken on {@code audio:to_parent} (and kept for the zookeeper); a bad payload is refused with
 * one line and the colony runs on.
 */
class ColonyAudioTest {
  private static final List<String> WORDS = List.of("yes", "no", "up", "down");

  @TempDir Path dir;

  static VivariumConfig listen(String... extra) {
    List<String> o = new java.util.ArrayList<>(List.of("world.name=listen", "world.preset=listen-4", "colony.agents=1",
        "colony.replicateEvery=1000000", "world.batch=2", "colony.turnSteps=2", "brain.preset=tiny",
        "memory.enabled=false", "bus.port=0", "bus.intervalMillis=0"));
    o.addAll(List.of(extra));
    return ConfigResolver.resolve(null, o);
  }

  @Test
  void aRecordingOnTheBusIsHeardAndTheAnswerIsSpokenBack() {
    List<String> lines = new CopyOnWriteArrayList<>();
    List<String> text = new CopyOnWriteArrayList<>();
    List<byte[]> audio = new CopyOnWriteArrayList<>();
    Path data = dir.resolve("c");
    try (Colony colony = new Colony(new DataDir(data), listen(), lines::add);
        MqttBus person = MqttBus.connect(BrokerUrl.parse(ColonyBusTest.brokerUrl(lines)), "vivarium",
            ColonyBusTest.login(data), null)) {
      person.subscribe(Topics.TEXT_TO_PARENT, "a0001", (a, v) -> text.add(v));
      person.subscribe(Topics.AUDIO_TO_PARENT, "a0001", (a, v) -> audio.add(v));
      person.flush(5_000);
      colony.runRounds(1);
      person.publish(Topics.AUDIO_FROM_PARENT, "a0001", new byte[] {'n', 'o', 'p', 'e'});
      person.publish(Topics.AUDIO_FROM_PARENT, "a0001", Speech.render("down", Speech.Voice.english()));
      ColonyBusTest.roundsUntil(colony, 30, "a0001 answered the recording",
          () -> text.stream().anyMatch(WORDS::contains));
      ColonyBusTest.roundsUntil(colony, 30, "the bad payload was refused",
          () -> text.stream().anyMatch(t -> t.startsWith("refused: ")));
      assertThat(text.stream().filter(t -> t.startsWith("refused: ")).findFirst().orElseThrow())
          .contains("the recording for a0001 is not a RIFF/WAVE file").doesNotContain("\n");
      ColonyBusTest.roundsUntil(colony, 50, "the answer was spoken on audio:to_parent", () -> audio.size() >= 2);
      assertThat(lines).noneMatch(l -> l.contains("bus.speak"));
      assertThat(audio).allSatisfy(a -> assertThat(new String(a, 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
          .isEqualTo("RIFF"));
      byte[] word = audio.stream().min(java.util.Comparator.comparingInt(a -> a.length)).orElseThrow();
      assertThat(Wav.read(word, "the spoken word").length).as("a word lasts under 2 s").isBetween(1, 2 * Wav.RATE);
      assertThat(Files.exists(data.resolve(Colony.AUDIO).resolve("a0001"))).isTrue();
      assertThat(colony.hear("a0001", Wav.write(new float[1600], Wav.RATE), "zoo")).isPositive();
      assertThatThrownBy(() -> colony.hear("a0009", Wav.write(new float[1600], Wav.RATE), "zoo"))
          .hasMessageContaining("agent a0009 is not alive");
    }
    try (Registry r = Registry.openReadOnly(data.resolve("colony.db"))) {
      assertThat(r.events().count("heard", null)).isPositive();
      assertThat(r.events().count("recording_refused", null)).isPositive();
    }
  }

  @Test
  void aColonyOfAWorldThatDoesNotListenRefusesRecordings() {
    try (Colony colony = new Colony(new DataDir(dir.resolve("g")), ColonyBusTest.config("bus.speak=false"), l -> {})) {
      colony.runRounds(1);
      assertThatThrownBy(() -> colony.hear("a0001", Wav.write(new float[1600], Wav.RATE), "zoo"))
          .hasMessageContaining("world gold does not listen to recordings");
    }
  }
}
