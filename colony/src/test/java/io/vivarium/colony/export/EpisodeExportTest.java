package io.vivarium.colony.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.AgentState;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.replay.Episode;
import io.vivarium.colony.replay.Replay;
import io.vivarium.core.Channel;
import io.vivarium.worlds.gold.GoldBatch;
import io.vivarium.worlds.gold.GoldCurriculum;
import io.vivarium.worlds.gold.GoldPresets;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gold episodes recorded as the colony records them, exported, and read back by real consumers:
 * DuckDB's Parquet reader and Debian's pandas for the CSV.
 */
class EpisodeExportTest {
  @TempDir Path dir;

  /** Plays a gold batch at random for {@code steps} steps, recording every finished episode as {@code agent}. */
  static void record(Registry r, String agent, int steps, long seed) {
    int n = 4;
    try (GoldBatch batch = new GoldBatch(GoldPresets.get("gold-bare-5x5"), n, 1)) {
      batch.setCurriculum(new GoldCurriculum(1, 0.3, 4, 8));
      batch.reset(seed);
      long[] seeds = new long[n];
      int[] levels = new int[n];
      double[] returns = new double[n];
      ByteArrayOutputStream[] actions = new ByteArrayOutputStream[n];
      for (int i = 0; i < n; i++) {
        seeds[i] = batch.episodeSeed(i);
        levels[i] = batch.episodeLevel(i);
        actions[i] = new ByteArrayOutputStream();
      }
      SplittableRandom rng = new SplittableRandom(seed);
      byte[] motor = new byte[n];
      for (int t = 0; t < steps; t++) {
        for (int i = 0; i < n; i++) {
          motor[i] = (byte) "LRFFF".charAt(rng.nextInt(5));
          actions[i].write(motor[i]);
        }
        batch.step(motor);
        for (int i = 0; i < n; i++) {
          returns[i] += batch.rewards()[i];
          if (batch.terminated()[i] || batch.truncated()[i]) {
            byte[] a = actions[i].toByteArray();
            r.addEpisode(agent, "gold", "gold-bare-5x5", levels[i], seeds[i], a.length, returns[i],
                batch.terminated()[i], a);
            seeds[i] = batch.episodeSeed(i);
            levels[i] = batch.episodeLevel(i);
            returns[i] = 0;
            actions[i].reset();
          }
        }
      }
    }
  }

  private Registry registry() {
    Registry r = Registry.open(dir.resolve("colony.db"));
    for (String id : List.of("a0001", "a0002")) {
      r.putAgent(new AgentRow(id, null, 0, AgentState.ALIVE, "gold-bare-5x5", "tiny", 0, 0, 1, 0, null));
    }
    record(r, "a0001", 300, 7);
    record(r, "a0002", 100, 8);
    return r;
  }

  @Test
  void parquetIsReadByDuckDbStepForStep() throws Exception {
    Path file = dir.resolve("out/episodes.parquet");
    try (Registry r = registry()) {
      List<Integer> seen = new ArrayList<>();
      EpisodeExport.Summary s = EpisodeExport.run(r,
          new EpisodeExport.Request("a0001", "gold", 1000, EpisodeExport.Format.PARQUET, file),
          (done, total, rows) -> seen.add(done));
      assertThat(s.episodes()).isGreaterThan(5).isEqualTo(seen.size());
      List<Long> ids = Episode.ids(r, "a0001", 1000);
      assertThat(ids).hasSize(s.episodes());
      long steps = 0;
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
        String from = " FROM read_parquet('" + file.toString().replace("'", "''") + "')";
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(DISTINCT episode), MIN(agent), MAX(agent),"
            + " SUM(done::INT), typeof(ANY_VALUE(obs_video))" + from)) {
          rs.next();
          steps = rs.getLong(1);
          assertThat(s.rows()).isEqualTo(steps);
          assertThat(rs.getLong(2)).isEqualTo(ids.size());
          assertThat(rs.getString(3)).isEqualTo("a0001");
          assertThat(rs.getString(4)).isEqualTo("a0001");
          assertThat(rs.getLong(5)).isEqualTo(ids.size());
          assertThat(rs.getString(6)).isEqualTo("BLOB");
        }
        for (long id : List.of(ids.get(0), ids.get(ids.size() - 1))) {
          Replay.Result res = Replay.of(Episode.find(r, "a0001", id));
          try (ResultSet rs = st.executeQuery("SELECT step, obs_video, obs_text, action, action_name, reward, done,"
              + " success, return_to_go, episode_return, world, preset, level, seed" + from + " WHERE episode = "
              + id + " ORDER BY step")) {
            int t = 0;
            while (rs.next()) {
              Replay.Frame now = res.frames().get(t);
              Replay.Frame next = res.frames().get(t + 1);
              assertThat(rs.getInt(1)).isEqualTo(t);
              assertThat(rs.getBytes(2)).isEqualTo(now.observation().bytes(Channel.VIDEO));
              assertThat(rs.getBytes(3)).isEqualTo(now.observation().bytes(Channel.TEXT));
              assertThat(rs.getInt(4)).isEqualTo(next.action() & 0xFF);
              assertThat(rs.getString(5)).isEqualTo(next.actionName());
              assertThat(rs.getDouble(6)).isEqualTo(next.reward());
              boolean last = t == res.episode().steps() - 1;
              assertThat(rs.getBoolean(7)).isEqualTo(last);
              assertThat(rs.getBoolean(8)).isEqualTo(last && res.success());
              assertThat(rs.getDouble(10)).isEqualTo(res.episode().ret());
              if (t == 0) {
                assertThat(rs.getDouble(9)).isCloseTo(res.replayedReturn(), org.assertj.core.data.Offset.offset(1e-9));
              }
              assertThat(rs.getString(11)).isEqualTo("gold");
              assertThat(rs.getString(12)).isEqualTo("gold-bare-5x5");
              assertThat(rs.getInt(13)).isEqualTo(res.episode().level());
              assertThat(rs.getLong(14)).isEqualTo(res.episode().seed());
              t++;
            }
            assertThat(t).isEqualTo(res.episode().steps());
          }
        }
      }
      assertThat(steps).isGreaterThan(100);
    }
    assertThat(Files.list(file.getParent())).containsExactly(file); // no temporary file left
  }

  @Test
  void manyRowGroupsAndEveryColumnTypeReadBack() throws Exception {
    Path file = dir.resolve("types.parquet");
    List<Column> cols = List.of(new Column("b", Column.Type.BOOLEAN), new Column("i", Column.Type.INT32),
        new Column("l", Column.Type.INT64), new Column("d", Column.Type.DOUBLE), new Column("x", Column.Type.BYTES),
        new Column("s", Column.Type.STRING));
    int n = 1000;
    io.vivarium.core.AtomicFile.write(file, os -> {
      ParquetWriter w = new ParquetWriter(os, cols, 77);
      for (int k = 0; k < n; k++) {
        w.write(k % 3 == 0, -k, (long) k << 33, k / 7.0, new byte[k % 5], "é,\"" + k);
      }
      w.finish();
    });
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT b, i, l, d, x, s FROM read_parquet('" + file + "') ORDER BY l")) {
      int k = 0;
      while (rs.next()) {
        assertThat(rs.getBoolean(1)).isEqualTo(k % 3 == 0);
        assertThat(rs.getInt(2)).isEqualTo(-k);
        assertThat(rs.getLong(3)).isEqualTo((long) k << 33);
        assertThat(rs.getDouble(4)).isEqualTo(k / 7.0);
        assertThat(rs.getBytes(5)).hasSize(k % 5);
        assertThat(rs.getString(6)).isEqualTo("é,\"" + k);
        k++;
      }
      assertThat(k).isEqualTo(n);
    }
  }

  @Test
  void csvIsReadByPandas() throws Exception {
    String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    boolean pandas = run(python, "-c", "import pandas").startsWith("0");
    Assumptions.assumeTrue(pandas || "true".equals(System.getenv("CI")),
        "Debian's python3-pandas is not installed (test.sh installs it); skipped locally only");
    Path file = dir.resolve("episodes.csv");
    try (Registry r = registry()) {
      EpisodeExport.Summary s = EpisodeExport.run(r,
          new EpisodeExport.Request(null, null, 3, EpisodeExport.Format.CSV, file), (d, t, rows) -> { });
      assertThat(s.episodes()).isEqualTo(3);
      List<Long> ids = Episode.ids(r, "a0002", 3);
      Replay.Result last = Replay.of(Episode.find(r, "a0002", ids.get(0)));
      String script = String.join("\n", "import sys, pandas as pd",
          "df = pd.read_csv(sys.argv[1], keep_default_na=False)",
          "print(len(df), df['episode'].nunique(), df['done'].dtype, df['reward'].dtype)",
          "e = df[df['episode'] == df['episode'].max()].sort_values('step')",
          "print(bytes.fromhex(e['obs_video'].iloc[0]).hex(), int(e['action'].iloc[-1]), bool(e['done'].iloc[-1]))",
          "print(repr(float(e['return_to_go'].iloc[0])), repr(float(e['episode_return'].iloc[0])))");
      String out = run(python, "-c", script, file.toString());
      String[] lines = out.substring(2).strip().split("\n");
      assertThat(out).startsWith("0");
      assertThat(lines[0]).isEqualTo(s.rows() + " 3 bool float64");
      assertThat(lines[1]).isEqualTo(java.util.HexFormat.of().formatHex(last.frames().get(0).observation()
          .bytes(Channel.VIDEO)) + " " + (last.episode().actions()[last.episode().steps() - 1] & 0xFF) + " True");
      String[] returns = lines[2].split(" ");
      assertThat(Double.parseDouble(returns[1])).isEqualTo(last.episode().ret());
    }
  }

  @Test
  void emptySelectionsAndBadLimitsGetOneLine() {
    try (Registry r = registry()) {
      assertThatThrownBy(() -> EpisodeExport.run(r, new EpisodeExport.Request("a0001", "chat", 10,
          EpisodeExport.Format.CSV, dir.resolve("x.csv")), (d, t, rows) -> { }))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no recorded episodes of a0001 in world chat");
      assertThat(dir.resolve("x.csv")).doesNotExist();
      assertThatThrownBy(() -> EpisodeExport.run(r, new EpisodeExport.Request(null, null, 10,
          EpisodeExport.Format.PARQUET, dir), (d, t, rows) -> { }))
          .hasMessageContaining("is a directory; give a file such as ").hasMessageEndingWith("episodes.parquet");
    }
    assertThatThrownBy(() -> new EpisodeExport.Request(null, null, 0, EpisodeExport.Format.CSV, dir))
        .hasMessageContaining("--limit must be between 1");
  }

  /** Runs a process; returns its exit code, a newline and its output (stdout then stderr). */
  private static String run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return p.exitValue() + "\n" + new String(out, StandardCharsets.UTF_8);
  }
}
