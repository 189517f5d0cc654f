package io.vivarium.zoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.registry.ThoughtRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trees of thought in the zookeeper: {@code GET /api/thoughts} (the newest, without their trees)
 * and {@code GET /api/thoughts/{id}} (one with its tree: nodes, scores, the chosen path), read
 * from the registry's {@code thoughts} table. Thread-safe.
 */
final class Thoughts {
  private final Registry registry;
  private final ObjectMapper json;

  Thoughts(Registry registry, ObjectMapper json) {
    this.registry = registry;
    this.json = json;
  }

  /** The newest {@code limit} trees, newest first, without the trees themselves. */
  void list(Context ctx, int limit) {
    List<Map<String, Object>> out = registry.thoughts().recent(limit).stream().map(Thoughts::summary).toList();
    ctx.json(out);
  }

  /** One tree, with its nodes. */
  void get(Context ctx) {
    long id = Params.pathLong(ctx, "tid", 1, Long.MAX_VALUE);
    ThoughtRow row = registry.thoughts().get(id).orElseThrow(() ->
        ApiError.notFound("no thought " + id + " in this colony; GET /api/thoughts lists them"));
    Map<String, Object> out = summary(row);
    try {
      out.put("tree", json.readTree(row.tree()));
    } catch (JsonProcessingException e) {
      out.put("tree", (JsonNode) null);
    }
    ctx.json(out);
  }

  private static Map<String, Object> summary(ThoughtRow r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("agent", r.agent());
    m.put("timeMillis", r.timeMs());
    m.put("query", r.query());
    m.put("conclusion", r.conclusion());
    m.put("score", r.score());
    return m;
  }
}
