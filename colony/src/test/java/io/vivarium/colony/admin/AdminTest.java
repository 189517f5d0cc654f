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
  void exportThenImportMakesANewAgentWithTheSameBrain() throws Exception {
    DataDir d = copy("exchange");
    String a = alive().get(0);
    Path tar = tmp.resolve("a.tar");
    var exported = AgentArchive.export(d, a, tar);
    Map<String, byte[]> entries = Tar.read(Files.newInputStream(tar), "a.tar");
    assertThat(entries.keySet()).containsExactlyElementsOf(AgentArchive.ENTRIES);
    assertThat(new String(entries.get("manifest.json"), StandardCharsets.UTF_8)).contains("\"format\" : 1");
    assertThat(new String(entries.get("metrics.csv"), StandardCharsets.UTF_8)).startsWith("agent,step,name")
        .contains(a + ",");
    AgentArchive.Imported in = AgentArchive.importFile(d, tar);
    assertThat(in.id()).isEqualTo("i0001");
    assertThat(in.state()).isEqualTo(AgentState.ALIVE);
    assertThat(AgentArchive.importFile(d, tar).id()).isEqualTo("i0002");
    var loaded = d.checkpoints().latest("i0001", x -> { throw new AssertionError(x.reason()); }).orElseThrow();
    assertThat(loaded.payload()).isEqualTo(entries.get("brain.bin"));
    assertThat(loaded.checkpoint().step()).isEqualTo(exported.step());
    try (Registry r = Registry.openReadOnly(d.registry())) {
      assertThat(r.events().json("birth", "i0001")).singleElement().asString()
          .contains("\"imported_from\":{").contains("\"agent\":\"" + a + "\"");
      assertThat(Lifecycle.find(r, "i0001").parent()).isNull();
    }
  }

  @Test
  void importRefusesDamagedAndForeignFiles() throws Exception {
    DataDir d = copy("refuse");
    String a = alive().get(0);
    Path tar = tmp.resolve("ok.tar");
    AgentArchive.export(d, a, tar);
    byte[] bytes = Files.readAllBytes(tar);
    Path flipped = tmp.resolve("flipped.tar");
    byte[] f = bytes.clone();
    f[f.length - 2048] ^= 0x55; // inside the last entries' data or padding: hash or checksum catches it
    Map<String, byte[]> good = Tar.read(new ByteArrayInputStream(bytes), "ok");
    Map<String, byte[]> badBrain = new java.util.LinkedHashMap<>(good);
    badBrain.put("brain.bin", new byte[] {1, 2, 3});
    Files.write(flipped, Tar.toBytes(badBrain));
    assertThatThrownBy(() -> AgentArchive.importFile(d, flipped)).hasMessageContaining("SHA-256");
    Map<String, byte[]> noManifest = new java.util.LinkedHashMap<>(good);
    noManifest.remove("manifest.json");
    Path headless = tmp.resolve("headless.tar");
    Files.write(headless, Tar.toBytes(noManifest));
    assertThatThrownBy(() -> AgentArchive.importFile(d, headless)).hasMessageContaining("first entry is not manifest.json");
    Map<String, byte[]> future = new java.util.LinkedHashMap<>(good);
    future.put("manifest.json", new String(good.get("manifest.json"), StandardCharsets.UTF_8)
        .replace("\"format\" : 1", "\"format\" : 9").getBytes(StandardCharsets.UTF_8));
    Path later = tmp.resolve("later.tar");
    Files.write(later, Tar.toBytes(future));
    assertThatThrownBy(() -> AgentArchive.importFile(d, later)).hasMessageContaining("format 9");
    Path truncated = tmp.resolve("cut.tar");
    Files.write(truncated, java.util.Arrays.copyOf(bytes, 700));
    assertThatThrownBy(() -> AgentArchive.importFile(d, truncated)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AgentArchive.importFile(d, tmp.resolve("missing.tar"))).hasMessageContaining("no file");
  }
}
