package io.vivarium.zoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.vivarium.colony.registry.Request;
import io.vivarium.colony.runtime.ColonyHandle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * People's requests to the running colony: {@code POST /api/agents/{id}/{action}} with a JSON
 * body — {@code {}} for hibernate, wake, kill and clone, {@code {"value": 0.5}} for reward,
 * {@code {"text": "…"}} for talk, {@code {"voter": "name"}} for vote. Each is checked here,
 * then queued with the colony, which applies it at its next turn boundary. Stateless apart
 * from the colony handle; thread-safe.
 */
final class Actions {
  /** The largest reward one request may give (either sign). */
  static final double MAX_REWARD = 100;
  /** The longest text one talk request may carry. */
  static final int MAX_TEXT = 1000;
  private static final Pattern VOTER = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");

  private final ColonyHandle colony;
  private final Records records;
  private final ObjectMapper json;

  Actions(ColonyHandle colony, Records records, ObjectMapper json) {
    this.colony = colony;
    this.records = records;
    this.json = json;
  }

  void handle(Context ctx) {
    String agent = Params.agentId(ctx);
    String action = ctx.pathParam("action");
    if (!Request.ACTIONS.contains(action)) {
      throw ApiError.notFound("unknown action '" + Params.clip(action) + "'; actions are " + Request.ACTIONS);
    }
    JsonNode body = body(ctx);
    String arg = argument(action, body);
    if (colony == null) {
      throw new ApiError(409, "this zookeeper serves a stopped colony's records read-only (vivarium zoo); "
          + "start the colony with 'vivarium run' to " + action + " agents");
    }
    records.agent(agent); // 404 for an agent the colony never had
    long id;
    try {
      id = colony.request(agent, action, arg, "zoo");
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("request", id);
    out.put("agent", agent);
    out.put("action", action);
    out.put("arg", arg);
    ctx.status(202).json(out);
  }

  private JsonNode body(Context ctx) {
    String text = ctx.body();
    if (text.isBlank()) {
      return json.createObjectNode();
    }
    try {
      JsonNode node = json.readTree(text);
      if (node == null || !node.isObject()) {
        throw ApiError.badRequest("the body must be a JSON object such as {\"value\": 1}; got '" + Params.clip(text) + "'");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ApiError.badRequest("the body is not valid JSON (" + Params.clip(e.getOriginalMessage())
          + "); send a JSON object such as {\"value\": 1}");
    }
  }

  /** The request's argument for {@code action}, checked. */
  static String argument(String action, JsonNode body) {
    return switch (action) {
      case "reward" -> {
        JsonNode v = body.get("value");
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble()) || Math.abs(v.asDouble()) > MAX_REWARD) {
          throw ApiError.badRequest("reward needs \"value\": a number between -" + MAX_REWARD + " and " + MAX_REWARD
              + "; got " + (v == null ? "nothing" : Params.clip(v.toString())));
        }
        yield Double.toString(v.asDouble());
      }
      case "talk" -> {
        JsonNode t = body.get("text");
        if (t == null || !t.isTextual() || t.asText().isBlank() || t.asText().length() > MAX_TEXT) {
          throw ApiError.badRequest("talk needs \"text\": 1-" + MAX_TEXT + " characters; got "
              + (t == null ? "nothing" : Params.clip(t.toString())));
        }
        yield t.asText();
      }
      case "vote" -> {
        JsonNode v = body.get("voter");
        String voter = v == null ? "web" : v.asText();
        if (v != null && !v.isTextual() || !VOTER.matcher(voter).matches()) {
          throw ApiError.badRequest("vote's \"voter\" must be 1-64 letters, digits, '_', '.', '@' or '-'; got "
              + Params.clip(String.valueOf(v)));
        }
        yield voter;
      }
      default -> "";
    };
  }
}
