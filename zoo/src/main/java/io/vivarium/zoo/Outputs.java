package io.vivarium.zoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.vivarium.colony.registry.OutputRow;
import io.vivarium.colony.registry.Registry;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code GET /api/agents/{id}/outputs?limit=N&disassemble=0|1}: an agent's newest outputs, newest
 * first, with the bytes as hex, the details as the JSON object the world wrote and, for agents
 * whose world outputs machine code ({@link Disassembly#machineCode}), the x86-64 disassembly of
 * the newest {@value #DISASSEMBLED}. Thread-safe.
 */
final class Outputs {
  static final int DEFAULT_LIMIT = 10;
  /** How many of the newest outputs are disassembled per request (one objdump each). */
  static final int DISASSEMBLED = 10;
  private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

  private final Registry registry;
  private final Records records;
  private final ObjectMapper json;
  private final Disassembly disassembly;

  Outputs(Registry registry, Records records, ObjectMapper json, Disassembly disassembly) {
    this.registry = registry;
    this.records = records;
    this.json = json;
    this.disassembly = disassembly;
  }

  /**
   * One output as the API shows it.
   *
   * @param bytes the bytes as lower-case hex pairs separated by spaces
   * @param details the world's details object, as written (any keys)
   * @param disassembly the x86-64 listing, a line saying why there is none, or {@code null} when
   *     the agent's world does not output machine code or disassembly was not asked for
   */
  record Output(long step, int length, String bytes, double reward, JsonNode details, long timeMillis,
      String disassembly) {}

  void handle(Context ctx) {
    String id = Params.agentId(ctx);
    String world = records.agent(id).world();
    int limit = (int) Params.queryLong(ctx, "limit", DEFAULT_LIMIT, 1, Registry.KEEP_OUTPUTS);
    boolean disassemble = Params.queryLong(ctx, "disassemble", 1, 0, 1) == 1 && Disassembly.machineCode(world);
    List<Output> out = new ArrayList<>();
    for (OutputRow r : registry.outputs(id, limit)) {
      String listing = disassemble && out.size() < DISASSEMBLED ? disassembly.of(r.bytes()) : null;
      out.add(new Output(r.step(), r.bytes().length, HEX.formatHex(r.bytes()), r.reward(), details(r.details()),
          r.timeMillis(), listing));
    }
    ctx.json(out);
  }

  private JsonNode details(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      // The registry only stores JSON objects; an older or hand-edited row still shows.
      return json.createObjectNode().put("unparsed", text);
    }
  }
}
