package io.vivarium.colony.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.EpisodeRow;
import io.vivarium.colony.registry.EventRow;
import io.vivarium.colony.registry.MetricRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.store.Checkpoint;
import io.vivarium.colony.store.CheckpointStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries of an agent's archive (format {@value AgentArchive#FORMAT}), read from its colony's
 * registry and checkpoint store: its newest verified checkpoint's two sections, the colony's
 * configuration, its lineage, metrics, episodes and events, and the manifest that lists each with
 * its size and SHA-256.
 *
 * <p>Stateless; thread-safe.
 */
final class ArchiveWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ArchiveWriter() {}

  /** Every entry of {@code agent}'s archive, manifest first, in {@link AgentArchive#ENTRIES} order. */
  static Map<String, byte[]> entries(DataDir dir, Registry r, String agent, CheckpointStore.Loaded loaded)
      throws IOException {
    Lineage lineage = new Lineage(r.agents());
    AgentRow a = lineage.get(agent);
    Map<String, byte[]> body = new LinkedHashMap<>();
    body.put("brain.bin", loaded.payload());
    body.put("learner.bin", loaded.learner() == null ? new byte[0] : loaded.learner());
    body.put("config.toml", readConfig(dir));
    body.put("lineage.json", lineageJson(r, lineage, agent));
    body.put("metrics.csv", metricsCsv(r, agent));
    body.put("episodes.jsonl", episodesJsonl(r, agent));
    body.put("events.jsonl", eventsJsonl(r, agent));
    Map<String, byte[]> all = new LinkedHashMap<>();
    all.put(AgentArchive.MANIFEST, manifest(r, a, loaded, body));
    all.putAll(body);
    return all;
  }

  private static byte[] manifest(Registry r, AgentRow a, CheckpointStore.Loaded loaded, Map<String, byte[]> body)
      throws IOException {
    Checkpoint c = loaded.checkpoint();
    String[] colony = r.colony();
    ObjectNode m = JSON.createObjectNode().put("magic", AgentArchive.MAGIC).put("format", AgentArchive.FORMAT)
        .put("colony", colony == null ? "" : colony[0]).put("agent", a.id()).put("parent", a.parent())
        .put("generation", a.generation()).put("state", a.state().key()).put("world", a.world())
        .put("brain_spec", a.brainSpec()).put("parameters", a.parameters()).put("fitness", c.fitness()).put("born_ms", a.bornMillis())
        .put("founder", founder(r, a)).put("step", c.step()).put("created_ms", c.createdMillis())
        .put("sha256", c.sha256Hex()).put("config_hash", c.configHashHex())
        .put("learner_state", loaded.learner() != null)
        .put("exported_ms", System.currentTimeMillis());
    if (loaded.learnerDamage() != null) {
      m.put("learner_damage", loaded.learnerDamage());
    }
    ArrayNode list = m.putArray("entries");
    body.forEach((name, data) -> list.addObject().put("name", name).put("bytes", data.length)
        .put("sha256", HexFormat.of().formatHex(ArchiveReader.sha256(data))));
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m);
  }

  /** Whether {@code a} is a founder: no parent, and born in its colony or imported as a founder. */
  static boolean founder(Registry r, AgentRow a) throws IOException {
    if (a.parent() != null) {
      return false;
    }
    List<String> births = r.events().json("birth", a.id());
    if (births.isEmpty()) {
      return true;
    }
    JsonNode from = JSON.readTree(births.get(births.size() - 1)).path("imported_from");
    return from.isMissingNode() || from.path("founder").asBoolean(false);
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

  /** One JSON object per recorded episode, oldest first, with its actions in base64. */
  private static byte[] episodesJsonl(Registry r, String agent) throws IOException {
    List<EpisodeRow> rows = new ArrayList<>(r.episodes().before(agent, Long.MAX_VALUE, Integer.MAX_VALUE));
    java.util.Collections.reverse(rows);
    java.util.Map<Long, byte[]> allActions = r.episodes().actionsOf(agent);
    StringBuilder sb = new StringBuilder();
    for (EpisodeRow e : rows) {
      byte[] actions = allActions.getOrDefault(e.id(), new byte[0]);
      ObjectNode n = JSON.createObjectNode().put("world", e.world()).put("preset", e.preset()).put("level", e.level())
          .put("seed", e.seed()).put("steps", e.steps()).put("return", e.ret()).put("success", e.success())
          .put("time_ms", e.timeMillis()).put("actions", Base64.getEncoder().encodeToString(actions));
      sb.append(JSON.writeValueAsString(n)).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One JSON object per event about the agent, oldest first: time, kind and details. */
  private static byte[] eventsJsonl(Registry r, String agent) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (EventRow e : r.events().after(0, Integer.MAX_VALUE, agent, null)) {
      ObjectNode n = JSON.createObjectNode().put("time_ms", e.timeMillis()).put("kind", e.kind());
      n.set("details", JSON.readTree(e.json()));
      sb.append(JSON.writeValueAsString(n)).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
