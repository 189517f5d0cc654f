package io.vivarium.colony.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vivarium.colony.ColonyLock;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.MetricRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.store.Checkpoint;
import io.vivarium.colony.store.CheckpointStore;
import io.vivarium.core.Event;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One agent as a tar file, to move it between colonies: {@code manifest.json} first (magic
 * {@value #MAGIC}, format {@value #FORMAT}, who it was, the brain's SHA-256), then
 * {@code brain.bin} (the payload of its newest checkpoint that verifies), {@code config.toml}
 * (the colony's configuration), {@code lineage.json} (its ancestry and descendants) and
 * {@code metrics.csv} (its metric series). Import makes it a new agent {@code iNNNN} of this
 * colony: its brain written as its first checkpoint through the checkpoint store, its origin in
 * its birth event ({@code imported_from}).
 *
 * <p>Stateless; thread-safe.
 */
public final class AgentArchive {
  /** The manifest's magic. */
  public static final String MAGIC = "vivarium-agent";
  /** The archive format this program writes and reads. */
  public static final int FORMAT = 1;
  static final String MANIFEST = "manifest.json";
  static final List<String> ENTRIES = List.of(MANIFEST, "brain.bin", "config.toml", "lineage.json", "metrics.csv");
  private static final ObjectMapper JSON = new ObjectMapper();

  private AgentArchive() {}

  /** What an import made. */
  public record Imported(String id, String from, AgentState state, long wakeRequest) {}

  /** Writes {@code agent}'s archive to {@code file} (atomically); returns the checkpoint exported. */
  public static Checkpoint export(DataDir dir, String agent, Path file) throws IOException {
    requireColony(dir);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    Checkpoint c;
    try (Registry r = Registry.openReadOnly(dir.registry())) {
      Lineage lineage = new Lineage(r.agents());
      AgentRow a = lineage.get(agent);
      CheckpointStore.Loaded loaded = dir.checkpoints().latest(agent, d -> {}).orElseThrow(() ->
          new IllegalStateException("agent " + agent + " has no checkpoint that verifies under "
              + dir.checkpoints().root() + "; nothing to export"));
      c = loaded.checkpoint();
      String[] colony = r.colony();
      ObjectNode m = JSON.createObjectNode().put("magic", MAGIC).put("format", FORMAT)
          .put("colony", colony == null ? "" : colony[0]).put("agent", a.id()).put("parent", a.parent())
          .put("generation", a.generation()).put("state", a.state().key()).put("world", a.world())
          .put("brain_spec", a.brainSpec()).put("fitness", c.fitness()).put("step", c.step())
          .put("sha256", c.sha256Hex()).put("config_hash", c.configHashHex())
          .put("exported_ms", System.currentTimeMillis());
      ArrayNode names = m.putArray("entries");
      ENTRIES.forEach(names::add);
      entries.put(MANIFEST, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
      entries.put("brain.bin", loaded.payload());
      entries.put("config.toml", readConfig(dir));
      entries.put("lineage.json", lineageJson(r, lineage, agent));
      entries.put("metrics.csv", metricsCsv(r, agent));
    }
    Path target = file.toAbsolutePath();
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      Tar.write(entries, System.currentTimeMillis(), out);
    }
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return c;
  }

  private static byte[] readConfig(DataDir dir) throws IOException {
    Path f = dir.root().resolve(DataDir.CONFIG);
    if (!Files.isRegularFile(f)) {
      throw new IllegalStateException("the colony in " + dir.root() + " has no " + DataDir.CONFIG
          + "; run 'vivarium run' on it once to write it");
    }
    return Files.readAllBytes(f);
  }

  private static byte[] lineageJson(Registry r, Lineage lineage, String agent) throws IOException {
    ObjectNode root = JSON.createObjectNode().put("agent", agent);
    ArrayNode up = root.putArray("ancestry");
    for (AgentRow a : lineage.ancestry(agent)) {
      ObjectNode n = up.addObject().put("id", a.id()).put("parent", a.parent()).put("generation", a.generation())
          .put("state", a.state().key()).put("fitness", a.fitness()).put("born_ms", a.bornMillis());
      List<String> births = r.events().json("birth", a.id());
      n.set("birth", births.isEmpty() ? null : JSON.readTree(births.get(0)));
    }
    ArrayNode down = root.putArray("descendants");
    lineage.descendants(agent).forEach(d -> down.add(d.id()));
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
  }

  private static byte[] metricsCsv(Registry r, String agent) {
    StringBuilder sb = new StringBuilder("agent,step,name,value,time_ms\n");
    for (MetricRow m : r.metrics().all(agent)) {
      sb.append(m.agent()).append(',').append(m.step()).append(',').append(m.name()).append(',').append(m.value())
          .append(',').append(m.timeMillis()).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Imports the archive {@code file} as a new agent of the colony in {@code dir}: alive when no
   * colony is running there, hibernating with a queued {@code wake} request when one is.
   */
  public static Imported importFile(DataDir dir, Path file) throws IOException {
    requireColony(dir);
    Map<String, byte[]> entries = read(file);
    JsonNode m = manifest(entries, file);
    byte[] brain = entries.get("brain.bin");
    if (!HexFormat.of().formatHex(sha256(brain)).equals(m.path("sha256").asText())) {
      throw new IllegalArgumentException(file + " is damaged: brain.bin does not hash to the manifest's SHA-256");
    }
    boolean running = ColonyLock.isHeld(dir);
    try (Registry r = Registry.open(dir.registry())) {
      String[] colony = r.colony();
      if (colony == null) {
        throw new IllegalStateException("the colony in " + dir.root() + " has never started; run 'vivarium run' first");
      }
      String id = nextImportId(r);
      long step = m.path("step").asLong();
      double fitness = m.path("fitness").asDouble();
      Checkpoint c = dir.checkpoints().write(id, step, fitness, HexFormat.of().parseHex(colony[4]), brain);
      AgentState state = running ? AgentState.HIBERNATING : AgentState.ALIVE;
      r.putAgent(new AgentRow(id, null, 0, state, m.path("world").asText(), m.path("brain_spec").asText(), fitness,
          System.currentTimeMillis(), 0, null));
      r.addCheckpoint(id, c.step(), dir.root().relativize(c.file()).toString(), c.sha256Hex(), c.fileSize(),
          c.fitness(), c.createdMillis());
      ObjectNode from = JSON.createObjectNode().put("colony", m.path("colony").asText())
          .put("agent", m.path("agent").asText()).put("parent", m.path("parent").asText(null))
          .put("generation", m.path("generation").asInt()).put("file", file.getFileName().toString());
      ObjectNode birth = JSON.createObjectNode().putNull("parent").put("generation", 0);
      birth.set("imported_from", from);
      r.addEvent(Event.now("birth", id, JSON.writeValueAsString(birth)));
      long wake = running ? r.addRequest(id, "wake", "", "cli") : 0;
      return new Imported(id, m.path("agent").asText(), state, wake);
    }
  }

  private static Map<String, byte[]> read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Tar.read(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no file " + file + "; give a .tar written by 'vivarium export'");
    }
  }

  private static JsonNode manifest(Map<String, byte[]> entries, Path file) {
    if (entries.isEmpty() || !entries.keySet().iterator().next().equals(MANIFEST)) {
      throw new IllegalArgumentException(file + " is not a vivarium agent export: its first entry is not "
          + MANIFEST + "; give a .tar written by 'vivarium export'");
    }
    JsonNode m;
    try {
      m = JSON.readTree(entries.get(MANIFEST));
    } catch (IOException e) {
      throw new IllegalArgumentException(file + " is damaged: " + MANIFEST + " is not JSON (" + e.getMessage() + ")");
    }
    if (!m.path("magic").asText().equals(MAGIC)) {
      throw new IllegalArgumentException(file + " is not a vivarium agent export: manifest magic is '"
          + m.path("magic").asText() + "', expected '" + MAGIC + "'");
    }
    if (m.path("format").asInt(-1) != FORMAT) {
      throw new IllegalArgumentException(file + " has agent export format " + m.path("format")
          + "; this vivarium reads format " + FORMAT + " (use the vivarium that wrote it, or a newer one)");
    }
    for (String e : ENTRIES) {
      if (!entries.containsKey(e)) {
        throw new IllegalArgumentException(file + " is damaged: it lacks " + e);
      }
    }
    for (String key : List.of("agent", "sha256", "step", "fitness", "world", "brain_spec")) {
      if (m.path(key).isMissingNode() || m.path(key).isNull()) {
        throw new IllegalArgumentException(file + " is damaged: its manifest lacks '" + key + "'");
      }
    }
    return m;
  }

  private static String nextImportId(Registry r) {
    long max = 0;
    for (AgentRow a : r.agents()) {
      if (a.id().matches("i\\d+")) {
        max = Math.max(max, Long.parseLong(a.id().substring(1)));
      }
    }
    return String.format(Locale.ROOT, "i%04d", max + 1);
  }

  private static void requireColony(DataDir dir) {
    if (!dir.hasColony()) {
      throw new IllegalArgumentException("no colony in " + dir.root() + "; give its directory with --data");
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
