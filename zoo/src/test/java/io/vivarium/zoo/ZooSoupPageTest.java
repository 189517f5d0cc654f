package io.vivarium.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.Progress;
import io.vivarium.core.config.ZooConfig;
import io.vivarium.core.world.Image;
import io.vivarium.core.world.Png;
import io.vivarium.lab.soup.SoupBridge;
import io.vivarium.lab.soup.SoupSession;
import io.vivarium.worlds.soup.SoupCheckpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The soup in the zookeeper over a real small soup ({@code SoupSession}, the code behind
 * {@code vivarium soup}) in {@code DATA/soup}: {@code /api/soup}, the PNG of the soup drawn as cubff
 * draws it, and the page in headless chromium, which follows the soup while it runs on.
 */
class ZooSoupPageTest {
  static final int SIZE = 512;
  @TempDir static Path tmp;
  static DataDir dir;
  static ZooServer zoo;
  static Http http;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    dir = new DataDir(tmp.resolve("colony"));
    try (Registry r = Registry.open(dir.registry())) {
      r.recordStart("soup", 3, "", "hash");
      r.putAgent(new AgentRow("a0001", null, 0, AgentState.ALIVE, "exec-machine", "tiny", 1000, 0.1, 1000, 0, null));
    }
    runSoup(8, false);
    zoo = ZooServer.start(new ZooConfig(true, "127.0.0.1", 0, ""), dir, null);
    http = new Http(zoo.port());
    browser = new Browser();
  }

  static void runSoup(long epochs, boolean resume) throws Exception {
    SoupSession.run(new SoupSession.Request(SIZE, epochs, 7L, 1, soupDir(), resume, 2, 4, 4, null, false, "best"),
        l -> { }, Progress.Tracker.NONE, () -> false);
  }

  static Path soupDir() {
    return dir.root().resolve("soup");
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    zoo.close();
  }

  @Test
  void theApiGivesTheCheckpointCurvesAndFrequentTapes() {
    assertThat(http.get("/api/colony").json().path("soup").asBoolean()).isTrue();
    JsonNode s = http.get("/api/soup").json();
    assertThat(s.path("present").asBoolean()).isTrue();
    assertThat(s.path("size").asInt()).isEqualTo(SIZE);
    assertThat(s.path("seed").asText()).isEqualTo("7");
    assertThat(s.path("epoch").asLong()).isGreaterThanOrEqualTo(8);
    assertThat(s.path("columns").get(0).asText()).isEqualTo("epoch");
    assertThat(s.path("rows").size()).isGreaterThanOrEqualTo(4); // every 2 epochs
    assertThat(s.path("rows").get(0).get(0).asLong()).isEqualTo(2);
    JsonNode top = s.path("top");
    assertThat(top.size()).isEqualTo(8);
    assertThat(top.get(0).path("text").asText()).hasSize(64);
    assertThat(top.get(0).path("hex").asText()).hasSize(128);
    assertThat(top.get(0).has("replicator")).isTrue();
  }

  @Test
  void theImageIsTheSoupInCubffsColours() throws Exception {
    SoupCheckpoint.Loaded soup = SoupCheckpoint.load(soupDir().resolve("soup.ckpt"));
    Image img = png("/api/soup/image?from=10&rows=3&scale=2");
    assertThat(img.width()).isEqualTo(128);
    assertThat(img.height()).isEqualTo(6);
    for (int row = 0; row < 3; row++) {
      for (int x = 0; x < 64; x++) {
        int b = soup.bytes()[(10 + row) * 64 + x] & 0xFF;
        assertThat(img.pixel(2 * x + 1, 2 * row + 1)).as("tape %d byte %d (%d)", 10 + row, x, b).isEqualTo(cubff(b));
      }
    }
    Image frequent = png("/api/soup/image?order=frequent&rows=512&scale=1");
    assertThat(frequent.height()).isEqualTo(SIZE);
    // the window is clipped to the soup
    assertThat(png("/api/soup/image?from=500&rows=100&scale=1").height()).isEqualTo(12);
    // bounds and bad values get one line each
    assertThat(http.get("/api/soup/image?rows=100000").status()).isEqualTo(400);
    assertThat(http.get("/api/soup/image?from=512").status()).isEqualTo(400);
    assertThat(http.get("/api/soup/image?order=random").body()).contains("index or frequent");
    try (ZooServer locked = ZooServer.start(new ZooConfig(true, "127.0.0.1", 0, "s3cret-token"), dir, null)) {
      Http h = new Http(locked.port());
      assertThat(h.get("/api/soup/image").status()).isEqualTo(401);
      assertThat(h.get("/api/soup").status()).isEqualTo(401);
      assertThat(h.get("/api/soup/image?token=s3cret-token").status()).isEqualTo(200);
    }
  }

  @Test
  void withoutASoupThereIsNoPageAndTheImageIs404() {
    DataDir plain = new DataDir(tmp.resolve("plain"));
    try (Registry r = Registry.open(plain.registry())) {
      r.recordStart("plain", 3, "", "hash");
      r.putAgent(new AgentRow("a0001", null, 0, AgentState.ALIVE, "exec-machine", "tiny", 1000, 0.1, 1000, 0, null));
    }
    try (ZooServer z = ZooServer.start(new ZooConfig(true, "127.0.0.1", 0, ""), plain, null)) {
      Http h = new Http(z.port());
      assertThat(h.get("/api/colony").json().path("soup").asBoolean()).isFalse();
      JsonNode s = h.get("/api/soup").json();
      assertThat(s.path("present").asBoolean()).isFalse();
      assertThat(s.path("rows")).isEmpty();
      Http.Reply img = h.get("/api/soup/image");
      assertThat(img.status()).isEqualTo(404);
      assertThat(img.body()).contains("vivarium soup");
    }
  }

  @Test
  void aDataDirectoryWithOnlyASoupOpensOnTheSoup() throws Exception {
    DataDir only = new DataDir(tmp.resolve("only"));
    SoupSession.run(new SoupSession.Request(64, 2, 1L, 1, only.root().resolve("soup"), false, 1, 1, 2, null, false,
        "best"), l -> { }, Progress.Tracker.NONE, () -> false);
    assertThat(java.nio.file.Files.exists(only.registry())).isFalse();
    try (ZooServer z = ZooServer.start(new ZooConfig(true, "127.0.0.1", 0, ""), only, null)) {
      Http h = new Http(z.port());
      JsonNode c = h.get("/api/colony").json();
      assertThat(c.path("soupOnly").asBoolean()).isTrue();
      assertThat(c.path("soup").asBoolean()).isTrue();
      assertThat(h.get("/api/agents").json()).isEmpty();
      assertThat(h.get("/api/soup").json().path("size").asInt()).isEqualTo(64);
      browser.open(z.url());
      browser.until(d -> d.findElement(By.id("soup-head")).getText().contains("64 tapes"));
      assertThat(browser.text("#colony-name")).isEqualTo("soup only (no colony)");
    }
    assertThat(java.nio.file.Files.exists(only.registry())).isFalse(); // nothing written into the data directory
  }

  /** cubff's colour of a byte, written out from its rule (bff.inc.h's InitByteColors). */
  private static int cubff(int b) {
    if (b == '[' || b == ']') {
      return 0x00C000;
    }
    if (b == '+' || b == '-' || b == '.' || b == ',') {
      return 0xC800C8;
    }
    if (b == '<' || b == '>' || b == '{' || b == '}') {
      return 0xC880DC;
    }
    if (b == 0) {
      return 0xFF0000;
    }
    int v = 192 + b / 4;
    return v << 16 | v << 8 | v;
  }

  private static Image png(String path) throws Exception {
    HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + zoo.port() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
    return Png.decode(r.body(), path);
  }

  @Test
  void thePageShowsTheSoupAndFollowsItLive() throws Exception {
    browser.open(zoo.url() + "#/soup");
    browser.until(d -> d.findElement(By.id("nav-soup")).isDisplayed());
    browser.until(d -> Integer.parseInt(d.findElement(By.id("soup-chart")).getAttribute("data-points")) >= 12);
    browser.until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d)
        .executeScript("const i = document.getElementById('soup-image'); return i.complete && i.naturalWidth === 192;"));
    assertThat(browser.driver.findElements(By.cssSelector("#soup-top tr.soup-tape"))).hasSize(8);
    assertThat(browser.text("#soup-head")).contains("512 tapes");
    String lastX = browser.find("#soup-chart").getAttribute("data-last-x");
    // a hand-made replicator dropped in (the bridge), then the soup runs on; the page polls its files
    byte[] replicator = new byte[64];
    byte[] code = ("[}}>]}.{<[.{<][" + "A".repeat(48)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    System.arraycopy(code, 0, replicator, 0, code.length);
    SoupBridge.importPrograms(soupDir(), java.util.List.of(replicator), 128);
    runSoup(16, true);
    browser.until(d -> d.findElement(By.id("soup-head")).getAttribute("data-epoch").equals("16"));
    browser.until(d -> d.findElement(By.id("soup-chart")).getAttribute("data-last-x").equals("16"));
    assertThat(lastX).isNotEqualTo("16");
    browser.until(d -> !d.findElements(By.cssSelector("#soup-top tr.replicator")).isEmpty());
    browser.find("#soup-order option[value='frequent']").click();
    browser.until(d -> d.findElement(By.id("soup-image")).getAttribute("src").contains("order=frequent"));
    browser.screenshot("zoo-soup");
  }
}
