package io.vivarium.cli;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.export.EpisodeExport;
import io.vivarium.colony.registry.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vivarium episodes export}: recorded episodes as Parquet or CSV, one row per step. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Write recorded episodes as a table, one row per step: agent, episode, step, the observation "
        + "bytes (obs_<channel>, rebuilt by exact replay), action, reward, done, success, return_to_go, "
        + "episode_return. Parquet for pandas/DuckDB/PyArrow, or CSV (bytes as hex).",
        "See docs/interop.md, \"Episodes to pandas\"."})
final class EpisodesExportCommand extends VivariumCommand {
  @Option(names = "--format", required = true, paramLabel = "FORMAT",
      description = "parquet or csv.")
  EpisodeExport.Format format;

  @Option(names = {"--out", "-o"}, required = true, paramLabel = "FILE", description = "The file to write.")
  Path out;

  @Option(names = "--agent", paramLabel = "ID", description = "Only this agent's episodes (default: every agent).")
  String agent;

  @Option(names = "--world", paramLabel = "W", description = "Only episodes of this world (default: every world).")
  String world;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "100000",
      description = "The newest N episodes (default: ${DEFAULT-VALUE}).")
  int limit;

  private io.vivarium.core.Progress bar;

  @Override
  public Integer call() throws Exception {
    EpisodeExport.Request q = new EpisodeExport.Request(agent, world, limit, format, out);
    DataDir dir = Colonies.require(dataDir());
    long start = System.nanoTime();
    EpisodeExport.Summary s;
    try (Registry r = Registry.openReadOnly(dir.registryLocation())) {
      s = EpisodeExport.run(r, q, this::progress);
    } finally {
      if (bar != null) {
        bar.close();
      }
    }
    double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    out().printf(Locale.ROOT, "exported %d episodes, %d steps, %d columns to %s (%s) in %.1f s (%.0f steps/s)%n",
        s.episodes(), s.rows(), s.columns().size(), out, Bytes.human(Files.size(out)), seconds, s.rows() / seconds);
    return 0;
  }

  /** The export's progress: a bar on a terminal, plain lines with ETA otherwise (docs/cli.md). */
  private void progress(int done, int total, long rows) {
    if (bar == null) {
      bar = progress().start("episodes export", total, "episodes");
    }
    bar.advanceTo(done);
    bar.note(rows + " steps");
  }
}
