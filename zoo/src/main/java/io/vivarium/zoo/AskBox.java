package io.vivarium.zoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.vivarium.colony.admin.AnswerVote;
import io.vivarium.colony.admin.Inquiry;
import io.vivarium.colony.registry.AskRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.runtime.ColonyHandle;
import io.vivarium.core.config.MemoryConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ask box: people's questions to the colony's text world and their answers.
 * {@code GET /api/asks} lists the newest asks with every answer, and for an ask to everyone the
 * population's consensus (seed 003: live agents' answers and the memories of the question, by a
 * fitness-weighted vote); {@code POST /api/asks} with
 * {@code {"text": "…", "agent": ""}} queues one (agent {@code ""} any, {@code "*"} everyone, or an
 * id); {@code POST /api/asks/{aid}/thumb} with {@code {"agent": "a0001", "value": 1}} gives that
 * answer's agent a people's reward of ±1 through the reward request path and records it on the
 * ask. Posting needs a live colony (409 otherwise). Thread-safe.
 */
final class AskBox {
  private final ColonyHandle colony;
  private final Registry registry;
  private final ObjectMapper json;
  /** Memories recalled for a consensus (as {@code vivarium ask --consensus}'s default). */
  static final int MEMORIES = 8;

  AskBox(ColonyHandle colony, Registry registry, ObjectMapper json) {
    this.colony = colony;
    this.registry = registry;
    this.json = json;
  }

  void list(Context ctx, int limit) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (AskRow r : registry.asks().recent(limit)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("ask", r);
      m.put("answers", registry.asks().answers(r.id()));
      if (r.agent().equals(AskRow.EVERY)) {
        m.put("consensus", consensus(r));
      }
      out.add(m);
    }
    ctx.json(out);
  }

  /**
   * The population's answer to an ask to everyone, as {@code vivarium ask --consensus} gives it:
   * the live agents' answers and the memories of the same question, combined by a fitness-weighted
   * vote ({@link AnswerVote}); the winner first, with its share and its voters.
   */
  private Map<String, Object> consensus(AskRow r) {
    AnswerVote vote = new AnswerVote();
    Inquiry.answers(registry, registry.asks().answers(r.id()), vote);
    int memories = Inquiry.memories(colony.dataDir().memory(), MemoryConfig.defaults(), r.text(), MEMORIES, vote);
    Map<String, Object> c = new LinkedHashMap<>();
    List<AnswerVote.Tally> t = vote.tallies();
    c.put("answer", t.isEmpty() ? "" : t.get(0).answer());
    c.put("share", vote.share());
    c.put("memories", memories);
    c.put("tallies", t.size() > 5 ? t.subList(0, 5) : t);
    return c;
  }

  void ask(Context ctx) {
    JsonNode body = body(ctx);
    JsonNode text = body.get("text");
    JsonNode agent = body.get("agent");
    if (text == null || !text.isTextual()) {
      throw ApiError.badRequest("an ask needs \"text\": the question as a string; got "
          + (text == null ? "nothing" : Params.clip(text.toString())));
    }
    if (agent != null && !agent.isTextual()) {
      throw ApiError.badRequest("an ask's \"agent\" is a string: \"\" (any agent), \"*\" (everyone) or an agent id; got "
          + Params.clip(agent.toString()));
    }
    long id;
    try {
      id = live("ask").ask(agent == null ? AskRow.ANY : agent.asText(), text.asText(), "zoo");
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    }
    ctx.status(202).json(Map.of("ask", id));
  }

  void thumb(Context ctx) {
    long ask = Params.pathLong(ctx, "aid", 1, Long.MAX_VALUE);
    JsonNode body = body(ctx);
    JsonNode agent = body.get("agent");
    JsonNode value = body.get("value");
    if (agent == null || !agent.isTextual() || value == null || !value.isInt()
        || Math.abs(value.asInt()) != 1) {
      throw ApiError.badRequest("a thumb needs {\"agent\": the answering agent's id, \"value\": 1 or -1}; got "
          + Params.clip(body.toString()));
    }
    long request;
    try {
      request = live("thumb").thumb(ask, agent.asText(), value.asInt(), "zoo");
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    }
    ctx.status(202).json(Map.of("request", request, "ask", ask, "agent", agent.asText(), "value", value.asInt()));
  }

  private ColonyHandle live(String what) {
    if (colony == null) {
      throw new ApiError(409, "this zookeeper serves a stopped colony's records read-only (vivarium zoo); "
          + "start the colony with 'vivarium run' to " + what);
    }
    return colony;
  }

  private JsonNode body(Context ctx) {
    String text = ctx.body();
    try {
      JsonNode node = text.isBlank() ? json.createObjectNode() : json.readTree(text);
      if (node == null || !node.isObject()) {
        throw ApiError.badRequest("the body must be a JSON object such as {\"text\": \"2+2?\"}; got '"
            + Params.clip(text) + "'");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("the body is not valid JSON (" + Params.clip(e.getOriginalMessage())
          + "); send a JSON object such as {\"text\": \"2+2?\"}");
    }
  }
}
