package io.vivarium.colony.export;

import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.EpisodeRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.replay.Episode;
import io.vivarium.colony.replay.Replay;
import io.vivarium.core.AtomicFile;
import io.vivarium.core.Channel;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.Worlds;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Recorded episodes as an offline-RL table, one row per step, with the observations rebuilt by
 * exact {@link Replay}: the row of step {@code t} holds what the agent saw before acting
 * ({@code obs_<channel>} bytes, one column per channel the exported worlds show), the action it
 * took, the reward that action earned, whether the episode ended there, the return from there
 * on and the episode's return. Written atomically as Parquet or CSV; an episode whose replay
 * does not reproduce its recorded return stops the export (the world's rules changed).
 *
 * <p>Stateless; thread-safe.
 */
public final class EpisodeExport {
  /** Rows per Parquet row group. */
  public static final int ROWS_PER_GROUP = 65_536;

  private EpisodeExport() {}

  /** The file formats. */
  public enum Format { PARQUET, CSV }

  /**
   * What to export.
   *
   * @param agent only this agent's episodes, or {@code null} for every agent
   * @param world only this world's episodes, or {@code null} for every world
   * @param limit the newest this many episodes (1 to 10,000,000)
   * @param format the file format
   * @param out the file written
   */
  public record Request(String agent, String world, int limit, Format format, Path out) {
    public Request {
      if (agent != null) {
        AgentRow.checkId(agent);
      }
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(out, "out");
      if (limit < 1 || limit > 10_000_000) {
        throw new IllegalArgumentException("--limit must be between 1 and 10000000 episodes; got " + limit);
      }
    }
  }

  /** What was written: episodes, rows (steps) and the columns. */
  public record Summary(int episodes, long rows, List<Column> columns) {
    public Summary {
      columns = List.copyOf(columns);
    }
  }

  /** Told after each exported episode; the caller decides what to print. */
  @FunctionalInterface
  public interface Progress {
    /** {@code done} of {@code total} episodes are written, {@code rows} rows so far. */
    void update(int done, int total, long rows);
  }

  /**
   * Exports what {@code q} selects from {@code registry} to {@code q.out()}.
   *
   * @throws IllegalArgumentException when nothing matches, or an episode does not replay
   */
  public static Summary run(Registry registry, Request q, Progress progress) throws IOException {
    if (java.nio.file.Files.isDirectory(q.out())) {
      throw new IllegalArgumentException("--out " + q.out() + " is a directory; give a file such as "
          + q.out().resolve("episodes." + q.format().name().toLowerCase(Locale.ROOT)));
    }
    List<EpisodeRow> rows = registry.episodes().newest(q.agent(), q.world(), q.limit());
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("no recorded episodes" + (q.agent() == null ? "" : " of " + q.agent())
          + (q.world() == null ? "" : " in world " + q.world()) + "; let the colony run longer, or check --agent and"
          + " --world against 'vivarium agents'");
    }
    List<Channel> channels = channels(rows);
    List<Column> columns = columns(channels);
    long[] written = {0};
    AtomicFile.write(q.out(), os -> written[0] = write(registry, rows, channels, writer(q.format(), os, columns),
        progress));
    return new Summary(rows.size(), written[0], columns);
  }

  /** The columns of an export whose worlds show {@code channels}. */
  public static List<Column> columns(List<Channel> channels) {
    List<Column> c = new ArrayList<>(List.of(new Column("agent", Column.Type.STRING),
        new Column("episode", Column.Type.INT64), new Column("step", Column.Type.INT32),
        new Column("world", Column.Type.STRING), new Column("preset", Column.Type.STRING),
        new Column("level", Column.Type.INT32), new Column("seed", Column.Type.INT64)));
    for (Channel ch : channels) {
      c.add(new Column("obs_" + ch.key(), Column.Type.BYTES));
    }
    c.addAll(List.of(new Column("action", Column.Type.INT32), new Column("action_name", Column.Type.STRING),
        new Column("reward", Column.Type.DOUBLE), new Column("done", Column.Type.BOOLEAN),
        new Column("success", Column.Type.BOOLEAN), new Column("return_to_go", Column.Type.DOUBLE),
        new Column("episode_return", Column.Type.DOUBLE)));
    return c;
  }

  private static TableWriter writer(Format f, OutputStream os, List<Column> columns) throws IOException {
    return f == Format.PARQUET ? new ParquetWriter(os, columns, ROWS_PER_GROUP) : new CsvWriter(os, columns);
  }

  /** The observation channels the selected episodes' worlds show (not the motor channel: that is the action). */
  private static List<Channel> channels(List<EpisodeRow> rows) {
    Set<Channel> out = EnumSet.noneOf(Channel.class);
    Set<String> seen = new java.util.HashSet<>();
    for (EpisodeRow e : rows) {
      if (seen.add(e.world() + "/" + e.preset())) {
        Spec spec;
        try {
          spec = Worlds.get(e.world()).spec(e.preset());
        } catch (IllegalArgumentException x) {
          throw new IllegalArgumentException("episode " + e.id() + " of " + e.agent() + " was played on "
              + e.world() + "/" + e.preset() + ", which this vivarium does not have (" + x.getMessage()
              + "); export with --world to leave it out", x);
        }
        spec.maxBytes().forEach((ch, n) -> {
          if (n > 0 && ch != Channel.MOTOR) {
            out.add(ch);
          }
        });
      }
    }
    return List.copyOf(out);
  }

  private static long write(Registry registry, List<EpisodeRow> rows, List<Channel> channels, TableWriter w,
      Progress progress) throws IOException {
    int done = 0;
    for (EpisodeRow row : rows) {
      byte[] actions = registry.episodes().actions(row.id()).orElseThrow(() -> new IllegalStateException(
          "episode " + row.id() + " vanished from the registry while being exported"));
      Episode e = new Episode(row.id(), row.agent(), row.world(), row.preset(), row.level(), row.seed(), row.steps(),
          row.ret(), row.success(), actions, row.timeMillis());
      Replay.Result res = Replay.observations(e);
      if (!res.matchesRecord()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "%s replays to return %.6f, not the recorded "
            + "%.6f: the world's rules changed since it was recorded; export with --world or --agent to leave it "
            + "out", e, res.replayedReturn(), e.ret()));
      }
      steps(w, e, res, channels);
      progress.update(++done, rows.size(), w.rows());
    }
    w.finish();
    return w.rows();
  }

  private static void steps(TableWriter w, Episode e, Replay.Result res, List<Channel> channels) throws IOException {
    List<Replay.Frame> f = res.frames();
    int n = e.steps();
    double[] toGo = new double[n + 1];
    for (int t = n - 1; t >= 0; t--) {
      toGo[t] = toGo[t + 1] + f.get(t + 1).reward();
    }
    int k = channels.size();
    Object[] row = new Object[14 + k];
    for (int t = 0; t < n; t++) {
      Replay.Frame next = f.get(t + 1);
      row[0] = e.agent();
      row[1] = e.id();
      row[2] = t;
      row[3] = e.world();
      row[4] = e.preset();
      row[5] = e.level();
      row[6] = e.seed();
      for (int c = 0; c < k; c++) {
        row[7 + c] = f.get(t).observation().bytes(channels.get(c));
      }
      row[7 + k] = e.actions()[t] & 0xFF;
      row[8 + k] = next.actionName();
      row[9 + k] = next.reward();
      row[10 + k] = t == n - 1;
      row[11 + k] = t == n - 1 && res.success();
      row[12 + k] = toGo[t];
      row[13 + k] = res.replayedReturn();
      w.write(row);
    }
  }
}
