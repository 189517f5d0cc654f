package io.vivarium.colony.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.ColonyLock;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.registry.Request;
import io.vivarium.colony.runtime.Colony;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.RunConfig;
import io.vivarium.core.world.Worlds;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lifecycle changes, lineage, export and import on a small real colony. */
class AdminTest {
  @TempDir static Path tmp;
  private static DataDir colony;

  @BeforeAll
  static void growColony() {
    colony = new DataDir(tmp.resolve("colony"));
    try (Colony c = new Colony(colony, ConfigResolver.resolve(null, List.of("colony.agents=2", "colony.maxAgents=4",
        "colony.replicateEvery=1", "colony.protectTurns=1", "world.preset=gold-bare-5x5", "world.batch=4",
        "bus.enabled=false")), l -> {})) {
      c.runRounds(1);
    }
  }

  private static DataDir copy(String name) throws Exception {
    Path to = tmp.resolve(name);
    try (var files = Files.walk(colony.root())) {
      for (Path p : files.toList()) {
        Path q = to.resolve(colony.root().relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(q);
        } else if (!p.getFileName().toString().equals(ColonyLock.FILE)) {
          Files.copy(p, q);
        }
      }
    }
    return new DataDir(to);
  }

  /** The ids of the agents alive after the growth rounds, oldest first. */
  private static List<String> alive() {
    try (Registry r = Registry.openReadOnly(colony.registry())) {
      return r.agents().stream().filter(a -> a.state() == AgentState.ALIVE).map(AgentRow::id).toList();
    }
  }

  private static AgentRow row(DataDir d, String id) {
    try (Registry r = Registry.openReadOnly(d.registry())) {
      return Lifecycle.find(r, id);
    }
  }

  @Test
  void lineageDrawsEveryAgentOnceWithItsAncestry() {
    try (Registry r = Registry.openReadOnly(colony.registry())) {
      List<AgentRow> all = r.agents();
      Lineage l = new Lineage(all);
      String tree = l.tree();
      for (AgentRow a : all) {
        assertThat(tree).containsOnlyOnce(a.id() + "  gen " + a.generation());
        // the runtime records every brain's actual size: the preset's name and its parameter count
        assertThat(a.parameters()).as(a.id()).isPositive();
        assertThat(tree).contains(a.id() + "  gen " + a.generation() + " · " + a.state() + " · " + a.size() + " · ");
      }
      AgentRow child = all.stream().filter(a -> a.parent() != null).findFirst().orElseThrow();
      assertThat(l.of(child.id())).startsWith("ancestry: " + child.parent() + " → " + child.id());
      assertThat(l.descendants(child.parent())).extracting(AgentRow::id).contains(child.id());
      assertThatThrownBy(() -> l.get("a9999")).hasMessageContaining("no agent a9999");
    }
  }

  @Test
  void withoutARunningColonyTheRegistryIsEdited() throws Exception {
    DataDir d = copy("offline");
    String a = alive().get(0);
    String b = alive().get(1);
    Lifecycle.Outcome o = Lifecycle.apply(d, a, "hibernate", Duration.ofSeconds(1));
    assertThat(o.applied()).isTrue();
    assertThat(o.viaColony()).isFalse();
    assertThat(row(d, a).state()).isEqualTo(AgentState.HIBERNATING);
    Lifecycle.Outcome again = Lifecycle.apply(d, a, "hibernate", Duration.ZERO);
    assertThat(again.applied()).isFalse();
    assertThat(again.message()).contains("already hibernating");
    assertThat(Lifecycle.apply(d, a, "wake", Duration.ZERO).applied()).isTrue();
    assertThat(row(d, a).state()).isEqualTo(AgentState.ALIVE);
    assertThat(Lifecycle.apply(d, b, "kill", Duration.ZERO).applied()).isTrue();
    assertThat(row(d, b).state()).isEqualTo(AgentState.DEAD);
    assertThat(row(d, b).diedMillis()).isPositive();
    assertThatThrownBy(() -> Lifecycle.apply(d, b, "wake", Duration.ZERO))
        .hasMessageContaining("cannot wake " + b + ": it is dead");
    assertThatThrownBy(() -> Lifecycle.apply(d, "a0077", "kill", Duration.ZERO)).hasMessageContaining("no agent a0077");
    try (Registry r = Registry.openReadOnly(d.registry())) {
      assertThat(r.events().after(0, 1000, null, null).stream().filter(e -> e.json().contains("\"source\":\"cli\"")).count()).isEqualTo(3);
    }
  }

  @Test
  void withARunningColonyARequestIsQueuedAndItsResultAwaited() throws Exception {
    DataDir d = copy("online");
    String a = alive().get(0);
    String b = alive().get(1);
    try (ColonyLock lock = ColonyLock.acquire(d); Registry r = Registry.open(d.registry())) {
      Thread colonyStandIn = new Thread(() -> { // applies requests as the runtime does, between turns
        for (int i = 0; i < 100; i++) {
          List<Request> pending = r.pendingRequests();
          if (!pending.isEmpty()) {
            r.finishRequest(pending.get(0).id(), "ok");
            return;
          }
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      colonyStandIn.start();
      Lifecycle.Outcome o = Lifecycle.apply(d, a, "hibernate", Duration.ofSeconds(10));
      colonyStandIn.join();
      assertThat(o.viaColony()).isTrue();
      assertThat(o.applied()).as(o.message()).isTrue();
      assertThat(o.message()).contains("hibernate " + a + ": ok");
      Lifecycle.Outcome late = Lifecycle.apply(d, b, "kill", Duration.ofMillis(300));
      assertThat(late.applied()).isFalse();
      assertThat(late.message()).contains("is queued");
      assertThat(r.pendingRequests()).extracting(Request::source).containsExactly("cli");
    }
  }

  @Test
  void exportThenImportMakesANewAgentWithTheWholeState() throws Exception {
    DataDir d = copy("exchange");
    String a = alive().get(0);
    Path tar = tmp.resolve("a.tar");
    var exported = AgentArchive.export(d, a, tar);
    Map<String, byte[]> entries = Tar.read(Files.newInputStream(tar), "a.tar");
    assertThat(entries.keySet()).containsExactlyElementsOf(AgentArchive.ENTRIES);
    assertThat(new String(entries.get("manifest.json"), StandardCharsets.UTF_8)).contains("\"format\" : 2")
        .contains("\"name\" : \"learner.bin\"");
    assertThat(new String(entries.get("metrics.csv"), StandardCharsets.UTF_8)).startsWith("agent,step,name")
        .contains(a + ",");
    var source = d.checkpoints().latest(a, x -> { }).orElseThrow();
    assertThat(entries.get("learner.bin")).isNotEmpty().isEqualTo(source.learner());
    AgentArchive.Imported in = AgentArchive.importFile(d, tar);
    assertThat(in.id()).isEqualTo("i0001");
    assertThat(in.state()).isEqualTo(AgentState.ALIVE);
    assertThat(in.createdColony()).isFalse();
    assertThat(in.note()).isEmpty();
    assertThat(AgentArchive.importFile(d, tar).id()).isEqualTo("i0002");
    var loaded = d.checkpoints().latest("i0001", x -> { throw new AssertionError(x.reason()); }).orElseThrow();
    assertThat(loaded.payload()).isEqualTo(entries.get("brain.bin"));
    assertThat(loaded.learner()).isEqualTo(entries.get("learner.bin"));
    assertThat(loaded.checkpoint().step()).isEqualTo(exported.step());
    try (Registry r = Registry.openReadOnly(d.registry())) {
      assertThat(r.events().json("birth", "i0001")).singleElement().asString()
          .contains("\"imported_from\":{").contains("\"agent\":\"" + a + "\"").contains("\"founder\":true");
      assertThat(Lifecycle.find(r, "i0001").parent()).isNull();
      // the brain's size travels with it
      assertThat(Lifecycle.find(r, "i0001")).extracting(AgentRow::brainSpec, AgentRow::parameters)
          .containsExactly(Lifecycle.find(r, a).brainSpec(), Lifecycle.find(r, a).parameters());
      assertThat(r.metrics().all("i0001")).hasSameSizeAs(r.metrics().all(a));
      assertThat(r.episodes().count("i0001")).isEqualTo(r.episodes().count(a)).isPositive();
      long newest = r.episodes().ids(a, 1).get(0);
      long copied = r.episodes().ids("i0001", 1).get(0);
      assertThat(r.episodes().actions(copied).orElseThrow()).isEqualTo(r.episodes().actions(newest).orElseThrow());
      assertThat(r.events().count("checkpoint", "i0001")).isEqualTo(r.events().count("checkpoint", a));
    }
  }

  @Test
  void importIntoAnEmptyDirectoryCreatesTheColonyAndTheAgentLearnsOn() throws Exception {
    DataDir d = copy("mover");
    String a = alive().get(0);
    Path tar = tmp.resolve("moving.tar");
    AgentArchive.export(d, a, tar);
    var before = d.checkpoints().latest(a, x -> { }).orElseThrow();
    DataDir moved = new DataDir(tmp.resolve("elsewhere").resolve("data"));
    AgentArchive.Imported in = AgentArchive.importFile(moved, tar);
    assertThat(in.createdColony()).isTrue();
    assertThat(in.id()).isEqualTo(a);
    assertThat(moved.hasColony()).isTrue();
    Path stored = moved.root().resolve(DataDir.CONFIG);
    var config = RunConfig.resolve(stored, null, List.of(), w -> Worlds.get(w).defaultPreset()).config();
    try (Registry r = Registry.openReadOnly(moved.registry())) {
      assertThat(r.colony()[0]).isEqualTo(config.colony().name());
      assertThat(r.colony()[4]).isEqualTo(ConfigResolver.hash(config));
    }
    try (Colony c = new Colony(moved, config, l -> {})) {
      c.runRounds(1);
    }
    var after = moved.checkpoints().latest(a, x -> { throw new AssertionError(x.reason()); }).orElseThrow();
    assertThat(after.checkpoint().step()).isGreaterThan(before.checkpoint().step());
    assertThat(Learner.phase(after.learner())).isEqualTo(Learner.phase(before.learner()));
    assertThat(Learner.adamSteps(after.learner())).isGreaterThan(Learner.adamSteps(before.learner()));
    assertThat(Learner.episodes(after.learner())).isGreaterThanOrEqualTo(Learner.episodes(before.learner()));
    assertThatThrownBy(() -> AgentArchive.importFile(moved, tar, a)).hasMessageContaining("agent " + a
        + " already exists");
    assertThatThrownBy(() -> AgentArchive.importFile(moved, tar, "a0099")).hasMessageContaining("aNNNN");
  }

  @Test
  void importIntoADirectoryWhereAColonyStartsIsRefusedAndLeavesNothing() throws Exception {
    Path tar = tmp.resolve("starting.tar");
    AgentArchive.export(copy("starter"), alive().get(0), tar);
    DataDir starting = new DataDir(tmp.resolve("starting"));
    try (ColonyLock lock = ColonyLock.acquire(starting)) {
      assertThatThrownBy(() -> AgentArchive.importFile(starting, tar)).hasMessageContaining("a colony is starting");
    }
    Map<String, byte[]> good = Tar.read(Files.newInputStream(tar), "ok");
    Map<String, byte[]> badConfig = new java.util.LinkedHashMap<>(good);
    String toml = "[colony]\nagentz = 3\n";
    badConfig.put("config.toml", toml.getBytes(StandardCharsets.UTF_8));
    badConfig.put("manifest.json", rehash(good.get("manifest.json"), "config.toml", badConfig.get("config.toml")));
    Path odd = tmp.resolve("odd.tar");
    Files.write(odd, Tar.toBytes(badConfig));
    DataDir fresh = new DataDir(tmp.resolve("fresh"));
    assertThatThrownBy(() -> AgentArchive.importFile(fresh, odd)).hasMessageContaining("config.toml")
        .hasMessageContaining("agentz");
    try (var left = Files.list(fresh.root())) {
      assertThat(left.toList()).isEmpty();
    }
  }

  @Test
  void aFormat1ArchiveStillImportsItsBrainWithANote() throws Exception {
    DataDir d = copy("old");
    String a = alive().get(0);
    Path tar = tmp.resolve("new.tar");
    AgentArchive.export(d, a, tar);
    Map<String, byte[]> now = Tar.read(Files.newInputStream(tar), "new");
    var m = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(now.get("manifest.json"));
    m.remove("parameters"); // format 1 predates recorded brain sizes
    m.put("format", 1).putArray("entries").add("manifest.json").add("brain.bin").add("config.toml")
        .add("lineage.json").add("metrics.csv");
    Map<String, byte[]> old = new java.util.LinkedHashMap<>();
    old.put("manifest.json", m.toString().getBytes(StandardCharsets.UTF_8));
    for (String e : List.of("brain.bin", "config.toml", "lineage.json", "metrics.csv")) {
      old.put(e, now.get(e));
    }
    Path v1 = tmp.resolve("v1.tar");
    Files.write(v1, Tar.toBytes(old));
    AgentArchive.Imported in = AgentArchive.importFile(d, v1);
    assertThat(in.note()).contains("format 1").contains("no optimizer");
    var loaded = d.checkpoints().latest(in.id(), x -> { throw new AssertionError(x.reason()); }).orElseThrow();
    assertThat(loaded.payload()).isEqualTo(now.get("brain.bin"));
    assertThat(loaded.learner()).isNull();
    try (Registry r = Registry.openReadOnly(d.registry())) {
      assertThat(r.events().json("birth", in.id())).singleElement().asString().contains("\"format\":1");
      assertThat(Lifecycle.find(r, in.id()).parameters()).isZero(); // unknown until it runs
    }
  }

  @Test
  void importRefusesDamagedAndForeignFiles() throws Exception {
    DataDir d = copy("refuse");
    String a = alive().get(0);
    Path tar = tmp.resolve("ok.tar");
    AgentArchive.export(d, a, tar);
    byte[] bytes = Files.readAllBytes(tar);
    Map<String, byte[]> good = Tar.read(new ByteArrayInputStream(bytes), "ok");
    for (String entry : List.of("brain.bin", "learner.bin", "events.jsonl")) {
      Map<String, byte[]> bad = new java.util.LinkedHashMap<>(good);
      byte[] flipped = good.get(entry).clone();
      flipped[flipped.length / 2] ^= 0x55;
      bad.put(entry, flipped);
      Path f = tmp.resolve("flipped-" + entry + ".tar");
      Files.write(f, Tar.toBytes(bad));
      assertThatThrownBy(() -> AgentArchive.importFile(d, f)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("entry " + entry + " does not hash to its SHA-256");
    }
    Map<String, byte[]> shortBrain = new java.util.LinkedHashMap<>(good);
    shortBrain.put("brain.bin", new byte[] {1, 2, 3});
    Path shorter = tmp.resolve("short.tar");
    Files.write(shorter, Tar.toBytes(shortBrain));
    assertThatThrownBy(() -> AgentArchive.importFile(d, shorter)).hasMessageContaining("entry brain.bin holds 3 bytes");
    Map<String, byte[]> noManifest = new java.util.LinkedHashMap<>(good);
    noManifest.remove("manifest.json");
    Path headless = tmp.resolve("headless.tar");
    Files.write(headless, Tar.toBytes(noManifest));
    assertThatThrownBy(() -> AgentArchive.importFile(d, headless)).hasMessageContaining("first entry is not manifest.json");
    Map<String, byte[]> future = new java.util.LinkedHashMap<>(good);
    future.put("manifest.json", new String(good.get("manifest.json"), StandardCharsets.UTF_8)
        .replace("\"format\" : 2", "\"format\" : 9").getBytes(StandardCharsets.UTF_8));
    Path later = tmp.resolve("later.tar");
    Files.write(later, Tar.toBytes(future));
    assertThatThrownBy(() -> AgentArchive.importFile(d, later)).hasMessageContaining("format 9")
        .hasMessageContaining("reads formats 1 and 2");
    Map<String, byte[]> noEvents = new java.util.LinkedHashMap<>(good);
    noEvents.remove("events.jsonl");
    Path lacking = tmp.resolve("lacking.tar");
    Files.write(lacking, Tar.toBytes(noEvents));
    assertThatThrownBy(() -> AgentArchive.importFile(d, lacking)).hasMessageContaining("lacks entry events.jsonl");
    Path truncated = tmp.resolve("cut.tar");
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> AgentArchive.importFile(d, truncated)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cut.tar").hasMessageContaining("truncated");
    long boundary = 0;
    for (String e : List.of("manifest.json", "brain.bin", "learner.bin")) {
      boundary += 512 + (good.get(e).length + 511) / 512 * 512;
    }
    Path atBoundary = tmp.resolve("cut-clean.tar");
    Files.write(atBoundary, java.util.Arrays.copyOf(Tar.toBytes(good), (int) boundary));
    assertThatThrownBy(() -> AgentArchive.importFile(d, atBoundary)).hasMessageContaining("after entry learner.bin")
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> AgentArchive.importFile(d, tmp.resolve("missing.tar"))).hasMessageContaining("no file");
    try (Registry r = Registry.openReadOnly(d.registry())) {
      assertThat(r.agents()).noneMatch(x -> x.id().startsWith("i"));
    }
  }

  /** {@code manifest} with entry {@code name}'s size and SHA-256 set for {@code data}. */
  private static byte[] rehash(byte[] manifest, String name, byte[] data) throws Exception {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var m = mapper.readTree(manifest);
    for (var e : m.path("entries")) {
      if (e.path("name").asText().equals(name)) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) e).put("bytes", data.length)
            .put("sha256", java.util.HexFormat.of().formatHex(ArchiveReader.sha256(data)));
      }
    }
    return mapper.writeValueAsBytes(m);
  }

  /** Reads a checkpoint's learner section as docs/formats.md lays it out (the runtime's reader is not public). */
  private static final class Learner {
    private static java.nio.ByteBuffer at(byte[] section) {
      return java.nio.ByteBuffer.wrap(section).position(8);
    }

    static int phase(byte[] section) {
      return at(section).get();
    }

    static long episodes(byte[] section) {
      java.nio.ByteBuffer b = at(section);
      b.get();
      return b.getLong();
    }

    /** AdamW's step counter t: after the recent episodes, the optimizer state's third int. */
    static int adamSteps(byte[] section) {
      java.nio.ByteBuffer b = at(section);
      b.get();
      b.getLong();
      b.getLong();
      int k = b.getInt();
      b.position(b.position() + 9 * k);
      int length = b.getInt();
      assertThat(length).as("optimizer state bytes").isGreaterThan(12);
      return b.getInt(b.position() + 8);
    }
  }
}
