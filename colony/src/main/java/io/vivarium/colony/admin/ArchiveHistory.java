package io.vivarium.colony.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vivarium.colony.registry.EpisodeRecord;
import io.vivarium.colony.registry.MetricRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.core.Event;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An archived agent's history, parsed from its entries before anything is written: its metric
 * series, its recorded episodes (replayable: the seed, level and actions of each) and the events
 * about it, and its birth event as its colony recorded it. Format-1 archives carry none of these
 * but the birth (from {@code lineage.json}). Immutable after parsing; used by one thread.
 *
 * @param metrics its metric values, with the archived agent's id
 * @param episodes its episodes, oldest first
 * @param events the events about it except its birth, oldest first, with their original times
 * @param birth its birth event's details, or null when the archive has none
 */
record ArchiveHistory(List<MetricRow> metrics, List<EpisodeRecord> episodes, List<Event> events, JsonNode birth) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Parses {@code a}'s history; throws {@link IllegalArgumentException} naming the entry and line that is wrong. */
  static ArchiveHistory parse(ArchiveReader.Contents a) throws IOException {
    if (a.format() == 1) {
      JsonNode ancestry = JSON.readTree(a.entry("lineage.json")).path("ancestry");
      JsonNode self = ancestry.size() == 0 ? null : ancestry.get(ancestry.size() - 1).get("birth");
      return new ArchiveHistory(List.of(), List.of(), List.of(), self == null || self.isNull() ? null : self);
    }
    String agent = a.manifest().path("agent").asText();
    List<MetricRow> metrics = new ArrayList<>();
    List<EpisodeRecord> episodes = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    JsonNode birth = null;
    List<String> csv = lines(a, "metrics.csv");
    for (int i = 1; i < csv.size(); i++) { // line 0 is the header
      metrics.add(metric(a, agent, csv.get(i), i + 1));
    }
    List<String> eps = lines(a, "episodes.jsonl");
    for (int i = 0; i < eps.size(); i++) {
      JsonNode e = json(a, "episodes.jsonl", eps.get(i), i + 1);
      try {
        episodes.add(new EpisodeRecord(e.path("world").asText(), e.path("preset").asText(), e.path("level").asInt(),
            e.path("seed").asLong(), e.path("steps").asInt(), e.path("return").asDouble(),
            e.path("success").asBoolean(), Base64.getDecoder().decode(e.path("actions").asText())));
      } catch (IllegalArgumentException x) {
        throw bad(a, "episodes.jsonl", i + 1, x.getMessage());
      }
    }
    List<String> evs = lines(a, "events.jsonl");
    for (int i = 0; i < evs.size(); i++) {
      JsonNode e = json(a, "events.jsonl", evs.get(i), i + 1);
      String kind = e.path("kind").asText();
      if (kind.equals("birth")) {
        birth = e.path("details");
        continue;
      }
      try {
        events.add(new Event(e.path("time_ms").asLong(), kind, agent, JSON.writeValueAsString(e.path("details"))));
      } catch (IllegalArgumentException x) {
        throw bad(a, "events.jsonl", i + 1, x.getMessage());
      }
    }
    return new ArchiveHistory(List.copyOf(metrics), List.copyOf(episodes), List.copyOf(events), birth);
  }

  /** Records the history under {@code id}: metrics and episodes in one transaction each, then the events. */
  void write(Registry r, String id) {
    r.addMetrics(metrics.stream().map(m -> new MetricRow(id, m.step(), m.name(), m.value(), m.timeMillis())).toList());
    r.addEpisodes(id, episodes);
    for (Event e : events) {
      r.addEvent(new Event(e.timeMillis(), e.kind(), id, e.json()));
    }
  }

  private static MetricRow metric(ArchiveReader.Contents a, String agent, String line, int number) {
    String[] f = line.split(",", -1);
    if (f.length < 5) {
      throw bad(a, "metrics.csv", number, "expected agent,step,name,value,time_ms; got '" + line + "'");
    }
    try {
      String name = String.join(",", java.util.Arrays.copyOfRange(f, 2, f.length - 2));
      return new MetricRow(agent, Long.parseLong(f[1]), name, Double.parseDouble(f[f.length - 2]),
          Long.parseLong(f[f.length - 1]));
    } catch (NumberFormatException e) {
      throw bad(a, "metrics.csv", number, "a number does not parse in '" + line + "'");
    }
  }

  private static List<String> lines(ArchiveReader.Contents a, String entry) {
    return new String(a.entry(entry), StandardCharsets.UTF_8).lines().filter(l -> !l.isEmpty()).toList();
  }

  private static JsonNode json(ArchiveReader.Contents a, String entry, String line, int number) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw bad(a, entry, number, "not JSON");
    }
  }

  private static IllegalArgumentException bad(ArchiveReader.Contents a, String entry, int line, String why) {
    return new IllegalArgumentException(a.file() + " is damaged: " + entry + " line " + line + ": " + why);
  }
}
