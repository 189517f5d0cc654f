package io.vivarium.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.runtime.AgentFrame;
import io.vivarium.colony.runtime.Colony;
import io.vivarium.colony.runtime.ColonyHandle;
import io.vivarium.core.Event;
import io.vivarium.core.audio.Speech;
import io.vivarium.core.audio.Wav;
import io.vivarium.core.config.ZooConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * An agent's voice in a real headless chromium: its spoken answer (real espeak-ng, kept where the
 * colony keeps it) plays in the page's player, and a person's WAV upload reaches the colony; bad
 * uploads are 400s that say why.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ZooAudioPageTest {
  @TempDir static Path tmp;
  static AskColony records;
  static Hearing colony;
  static ZooServer zoo;

  /** The ask fixture's registry, plus what a live colony does with a recording: reads it strictly and queues it. */
  static final class Hearing implements ColonyHandle {
    final List<Integer> heard = new CopyOnWriteArrayList<>();

    @Override
    public DataDir dataDir() {
      return records.dataDir();
    }

    @Override
    public Optional<AgentFrame> frame(String agent) {
      return Optional.empty();
    }

    @Override
    public long request(String agent, String action, String arg, String source) {
      return records.request(agent, action, arg, source);
    }

    @Override
    public long ask(String agent, String text, String source) {
      return records.ask(agent, text, source);
    }

    @Override
    public long thumb(long ask, String agent, int sign, String source) {
      return records.thumb(ask, agent, sign, source);
    }

    @Override
    public long hear(String agent, byte[] wav, String source) {
      heard.add(Wav.read(wav, "the recording for " + agent).length);
      return heard.size();
    }

    @Override
    public AutoCloseable onEvent(Consumer<Event> listener) {
      return () -> { };
    }

    @Override
    public double stepsPerSecond() {
      return 0;
    }
  }

  @BeforeAll
  static void start() throws Exception {
    records = new AskColony(tmp.resolve("colony"));
    colony = new Hearing();
    Path voice = records.dataDir().root().resolve(Colony.AUDIO).resolve("a0001");
    Files.createDirectories(voice);
    Files.write(voice.resolve("1700000000000.wav"), Speech.render("left", Speech.Voice.english()));
    Files.writeString(voice.resolve("1700000000000.txt"), "left");
    zoo = ZooServer.start(new ZooConfig(true, "127.0.0.1", 0, ""), records.dataDir(), colony);
  }

  @AfterAll
  static void stop() {
    zoo.close();
    records.close();
  }

  @Test
  void theSpokenAnswerPlaysAndARecordingUploads() throws Exception {
    Path upload = tmp.resolve("yes.wav");
    Files.write(upload, Speech.render("yes", new Speech.Voice("en+f2", 150, 60)));
    try (Browser browser = new Browser()) {
      browser.open(zoo.url() + "#/agent/a0001");
      WebElement player = browser.find("#audio-clips audio[data-clip='1700000000000']");
      assertThat(browser.text("#audio-clips .said")).isEqualTo("left");
      JavascriptExecutor js = (JavascriptExecutor) browser.driver;
      js.executeScript("arguments[0].load()", player);
      Double seconds = browser.until(d -> {
        Object v = js.executeScript("const a = arguments[0]; return a.readyState >= 1 ? a.duration : null;", player);
        return v == null ? null : ((Number) v).doubleValue();
      });
      assertThat(seconds).as("the browser decodes the served WAV").isBetween(0.1, 5.0);
      browser.find("#audio-file").sendKeys(upload.toAbsolutePath().toString());
      browser.find("#audio-send").click();
      browser.until(d -> d.findElement(org.openqa.selenium.By.id("toast")).getText().contains("sent to a0001"));
      browser.screenshot("agent-voice");
    }
    assertThat(colony.heard).hasSize(1);
    assertThat(colony.heard.get(0)).isGreaterThan(Wav.RATE / 10);
  }

  @Test
  void badRecordingsAndClipsAreRefusedWithAReason() {
    Http http = new Http(zoo.port());
    Http.Reply bad = http.post("/api/agents/a0001/audio", "not a wav", "Content-Type", "audio/wav");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("error").asText()).contains("the recording for a0001 is not a RIFF/WAVE file");
    assertThat(http.get("/api/agents/a0001/audio/12").status()).isEqualTo(400);
    assertThat(http.get("/api/agents/a0001/audio/1600000000000").status()).isEqualTo(404);
    Http.Reply clip = http.get("/api/agents/a0001/audio/1700000000000");
    assertThat(clip.status()).isEqualTo(200);
    assertThat(clip.raw().headers().firstValue("Content-Type").orElse("")).startsWith("audio/wav");
    assertThat(http.get("/api/agents/a0001/audio").json().get(0).get("text").asText()).isEqualTo("left");
  }
}
