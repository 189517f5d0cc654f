package io.vivarium.zoo;

import io.javalin.http.Context;
import io.vivarium.colony.registry.BlockRow;
import io.vivarium.colony.registry.Registry;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/agents/{id}/blocks?limit=N}: a weaving agent's newest blocks (docs/weave.md),
 * newest first, each with its tick, its number and its text; none for agents that do not weave.
 * The agent page draws them as the seed's {@code #startblock} … {@code #endblock} ticks.
 * Thread-safe.
 */
final class Weave {
  static final int DEFAULT_LIMIT = 100;
  private final Registry registry;
  private final Records records;

  Weave(Registry registry, Records records) {
    this.registry = registry;
    this.records = records;
  }

  /** One block as the API shows it; {@code timestamp} in seconds, as the seed writes it. */
  record Block(long step, long episode, long tick, long block, String type, long timeMillis, long timestamp,
      String text, double reward, boolean wellFormed) {}

  void handle(Context ctx) {
    String id = Params.agentId(ctx);
    records.agent(id); // 404 for an unknown agent
    int limit = (int) Params.queryLong(ctx, "limit", DEFAULT_LIMIT, 1, Registry.KEEP_BLOCKS);
    List<Block> out = new ArrayList<>();
    for (BlockRow r : registry.blocks(id, limit)) {
      out.add(new Block(r.step(), r.episode(), r.tick(), r.block(), r.type(), r.timeMillis(), r.timeMillis() / 1000,
          r.text(), r.reward(), r.wellFormed()));
    }
    ctx.json(out);
  }
}
