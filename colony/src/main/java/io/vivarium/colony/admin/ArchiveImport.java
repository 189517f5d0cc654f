package io.vivarium.colony.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vivarium.colony.ColonyLock;
import io.vivarium.colony.DataDir;
import io.vivarium.colony.admin.AgentArchive.Imported;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.store.Checkpoint;
import io.vivarium.colony.store.CheckpointStore;
import io.vivarium.core.Event;
import io.vivarium.core.config.ConfigResolver;
import io.vivarium.core.config.RunConfig;
import io.vivarium.core.config.VivariumConfig;
import io.vivarium.core.world.Worlds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Writes a checked archive into a data directory: into an existing colony as a new agent, or
 * into a directory without one by first creating the colony from the archive's configuration
 * (as a colony's first start would: {@code config.toml} and the registry's colony row). A
 * creation that fails removes what it created. Not thread-safe; one import at a time per directory.
 */
final class ArchiveImport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ArchiveImport() {}

  /** Imports {@code a} into {@code dir} under {@code id} (null: the default id, see {@link AgentArchive}). */
  static Imported into(DataDir dir, ArchiveReader.Contents a, String id) throws IOException {
    ArchiveHistory history = ArchiveHistory.parse(a); // bad content is refused before anything is written
    return dir.hasColony() ? intoColony(dir, a, history, id) : newColony(dir, a, history, id);
  }

  private static Imported intoColony(DataDir dir, ArchiveReader.Contents a, ArchiveHistory history, String id)
      throws IOException {
    boolean running = ColonyLock.isHeld(dir);
    try (Registry r = Registry.open(dir.registryLocation())) {
      String[] colony = r.colony();
      if (colony == null) {
        throw new IllegalStateException("the colony in " + dir.root() + " has never started; run 'vivarium run' first");
      }
      String as = id == null ? nextImportId(r) : checkFree(r, dir, id);
      return add(dir, r, a, history, as, running, HexFormat.of().parseHex(colony[4]), false);
    }
  }

  private static Imported newColony(DataDir dir, ArchiveReader.Contents a, ArchiveHistory history, String id)
      throws IOException {
    if (ColonyLock.isHeld(dir)) {
      throw new IllegalStateException("a colony is starting in " + dir.root() + " (it holds " + ColonyLock.FILE
          + "); import once it has started, or into another --data directory");
    }
    Path root = dir.root();
    List<Path> absent = new ArrayList<>();
    for (Path p : List.of(dir.registry(), root.resolve(Registry.FILE + "-wal"), root.resolve(Registry.FILE + "-shm"),
        root.resolve(DataDir.CONFIG), root.resolve(CheckpointStore.DIR), root.resolve(ColonyLock.FILE))) {
      if (!Files.exists(p)) {
        absent.add(p);
      }
    }
    try {
      try (ColonyLock lock = ColonyLock.acquire(dir)) {
        VivariumConfig config = config(dir, a);
        dir.writeConfig(config);
        String hash = ConfigResolver.hash(config);
        try (Registry r = Registry.open(dir.registryLocation())) {
          r.recordStart(config.colony().name(), config.colony().seed(), ConfigResolver.toToml(config, true), hash);
          String as = id == null ? AgentRow.checkId(a.manifest().path("agent").asText()) : AgentRow.checkId(id);
          return add(dir, r, a, history, as, false, HexFormat.of().parseHex(hash), true);
        }
      }
    } catch (IOException | RuntimeException e) {
      undo(absent, e);
      throw e;
    }
  }

  /** The archive's configuration, resolved as a resumed colony's stored one is. */
  private static VivariumConfig config(DataDir dir, ArchiveReader.Contents a) throws IOException {
    Path stored = dir.root().resolve(DataDir.CONFIG);
    Files.write(stored, a.entry("config.toml"));
    try {
      return RunConfig.resolve(stored, null, List.of(), name -> Worlds.get(name).defaultPreset()).config();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(a.file() + ": its config.toml cannot configure a colony here: "
          + e.getMessage());
    }
  }

  /** The agent's checkpoint, history, row, checkpoint row and birth event, and a wake request when {@code running}. */
  private static Imported add(DataDir dir, Registry r, ArchiveReader.Contents a, ArchiveHistory history, String id,
      boolean running, byte[] configHash, boolean created) throws IOException {
    JsonNode m = a.manifest();
    long step = m.path("step").asLong();
    double fitness = m.path("fitness").asDouble();
    byte[] learner = a.format() == 1 ? new byte[0] : a.entry("learner.bin");
    Checkpoint c = dir.checkpoints().write(id, step, fitness, configHash, a.entry("brain.bin"), learner);
    history.write(r, id);
    AgentState state = running ? AgentState.HIBERNATING : AgentState.ALIVE;
    int generation = m.path("generation").asInt(0);
    // archives written before brain sizes were recorded have no "parameters": 0, unknown until the agent runs
    r.putAgent(new AgentRow(id, null, generation, state, m.path("world").asText(), m.path("brain_spec").asText(),
        m.path("parameters").asLong(0), fitness, System.currentTimeMillis(), 0, null));
    r.addCheckpoint(id, c.step(), dir.relative(c.file()), c.sha256Hex(), c.fileSize(),
        c.fitness(), c.createdMillis());
    r.addEvent(Event.now("birth", id, JSON.writeValueAsString(birth(a, history, generation))));
    long wake = running ? r.addRequest(id, "wake", "", "cli") : 0;
    return new Imported(id, m.path("agent").asText(), state, wake, created, note(a));
  }

  /**
   * The imported agent's birth: a root of this colony's lineage, with the learner
   * hyper-parameters it was born with (first, where the runtime reads them) and where it came from.
   */
  private static ObjectNode birth(ArchiveReader.Contents a, ArchiveHistory history, int generation) {
    JsonNode m = a.manifest();
    ObjectNode birth = JSON.createObjectNode().putNull("parent").put("generation", generation);
    JsonNode source = history.birth();
    if (source != null && source.has("lr") && source.has("entropy")) {
      birth.set("lr", source.get("lr"));
      birth.set("entropy", source.get("entropy"));
    }
    ObjectNode from = birth.putObject("imported_from").put("colony", m.path("colony").asText())
        .put("agent", m.path("agent").asText()).put("parent", m.path("parent").asText(null))
        .put("generation", m.path("generation").asInt()).put("founder", m.path("founder").asBoolean(false))
        .put("file", a.file().getFileName().toString()).put("format", a.format());
    if (m.has("born_ms")) {
      from.put("born_ms", m.path("born_ms").asLong());
    }
    if (source != null) {
      from.set("birth", source);
    }
    return birth;
  }

  private static String note(ArchiveReader.Contents a) {
    if (a.format() == 1) {
      return a.file().getFileName() + " is an agent export of format 1: it carries the brain only, no optimizer "
          + "or learner state, metrics or episodes; the agent learns on with a fresh optimizer";
    }
    if (!a.manifest().path("learner_state").asBoolean(true)) {
      return "its exported checkpoint carried no learner state" + (a.manifest().has("learner_damage")
          ? " (" + a.manifest().path("learner_damage").asText() + ")" : "") + "; the agent learns on with a fresh optimizer";
    }
    return "";
  }

  private static String checkFree(Registry r, DataDir dir, String id) {
    AgentRow.checkId(id);
    if (r.agent(id).isPresent()) {
      throw new IllegalArgumentException("agent " + id + " already exists in the colony in " + dir.root()
          + "; give another --id, or leave --id out for the next free iNNNN");
    }
    if (id.matches("a\\d+")) {
      throw new IllegalArgumentException("--id " + id + " has the form aNNNN the colony gives its own newborns; "
          + "give another id, e.g. " + nextImportId(r));
    }
    return id;
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

  /** Removes what a failed creation made, newest first; a failure to remove is added to {@code cause}. */
  private static void undo(List<Path> created, Exception cause) {
    for (Path p : created) {
      try (Stream<Path> s = Files.exists(p) ? Files.walk(p) : Stream.empty()) {
        for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(q);
        }
      } catch (IOException | UncheckedIOException e) {
        cause.addSuppressed(e);
      }
    }
  }
}
