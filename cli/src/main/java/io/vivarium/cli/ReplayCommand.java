package io.vivarium.cli;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.registry.Registry;
import io.vivarium.colony.replay.Episode;
import io.vivarium.colony.replay.Replay;
import io.vivarium.colony.replay.Woven;
import io.vivarium.core.AtomicFile;
import io.vivarium.core.world.Filmstrip;
import io.vivarium.core.world.Image;
import io.vivarium.core.world.Png;
import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vivarium replay AGENT [EPISODE]}: a recorded episode played again exactly. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Replay a recorded episode of an agent exactly: an ASCII animation on a terminal, plain frames "
        + "otherwise, or images (--png-dir, --png, --gif).",
        "EPISODE is the registry's episode id (default: the latest). --png-dir writes one PNG per frame, --png one "
            + "strip of the frames side by side, --gif an animated GIF that loops.",
        "A weaving agent (world.mode=weave) plays back its newest recorded ticks, block by block, as docs/weave.md"
            + " shows them."})
final class ReplayCommand extends VivariumCommand {
  @Parameters(index = "0", paramLabel = "AGENT", description = "The agent, e.g. a0003.")
  String agent;

  @Parameters(index = "1", arity = "0..1", paramLabel = "EPISODE", description = "Episode id (default: the latest).")
  Long episode;

  @Option(names = "--png-dir", paramLabel = "DIR", description = "Write one PNG per frame into DIR instead.")
  Path pngDir;

  @Option(names = "--png", paramLabel = "FILE", description = "Write the frames side by side as one PNG strip instead.")
  Path png;

  @Option(names = "--gif", paramLabel = "FILE",
      description = "Write the frames as an animated GIF (looping, --fps frames per second) instead.")
  Path gif;

  @Option(names = "--columns", paramLabel = "N", defaultValue = "10",
      description = "Frames per row of a --png strip (default: ${DEFAULT-VALUE}).")
  int columns;

  @Option(names = "--scale", paramLabel = "N", defaultValue = "2",
      description = "Pixels per picture pixel in --png and --gif (default: ${DEFAULT-VALUE}).")
  int scale;

  @Option(names = "--fps", paramLabel = "N", defaultValue = "8",
      description = "Frames per second of the terminal animation and of --gif (default: ${DEFAULT-VALUE}).")
  double fps;

  @Option(names = "--ticks", paramLabel = "N", defaultValue = "5",
      description = "Ticks a weaving agent plays back (default: ${DEFAULT-VALUE}).")
  int ticks;

  @Override
  public Integer call() throws Exception {
    if (!(fps > 0 && fps <= 1000)) {
      throw new IllegalArgumentException("--fps must be in (0, 1000]; got " + fps);
    }
    AgentRow.checkId(agent);
    DataDir dir = Colonies.require(dataDir());
    Episode e;
    try (Registry r = Registry.openReadOnly(dir.registryLocation())) {
      if (r.agents().stream().noneMatch(a -> a.id().equals(agent))) {
        throw new IllegalArgumentException("no agent " + agent + " in this colony; 'vivarium agents' lists them");
      }
      if (episode == null && Woven.weaves(r, agent)) {
        for (var tick : Woven.ticks(r, agent, ticks)) {
          out().print(Woven.text(tick));
        }
        out().flush();
        return 0;
      }
      e = Episode.find(r, agent, episode);
    }
    if ((pngDir != null ? 1 : 0) + (png != null ? 1 : 0) + (gif != null ? 1 : 0) > 1) {
      throw new IllegalArgumentException("--png-dir, --png and --gif each write the replay; give one of them");
    }
    Replay.Result res = Replay.of(e);
    if (pngDir != null) {
      writePngs(res);
    } else if (png != null || gif != null) {
      writeImage(res);
    } else {
      show(res, terminal());
    }
    out().printf(Locale.ROOT, "episode %d of %s · %s/%s · level %d · seed %d · %d steps · %s · replayed return %.6f "
        + "(recorded %.6f)%n", e.id(), e.agent(), e.world(), e.preset(), e.level(), e.seed(), e.steps(),
        res.success() ? "success" : "no success", res.replayedReturn(), e.ret());
    if (!res.matchesRecord()) {
      err().println("vivarium: the replayed return differs from the recorded one; the world's rules changed since");
      return Main.FAILURE;
    }
    return 0;
  }

  private void show(Replay.Result res, boolean animate) throws InterruptedException {
    long pause = (long) (1000 / fps);
    for (Replay.Frame f : res.frames()) {
      if (animate) {
        out().print("\033[H\033[2J"); // home and clear
      }
      out().print(f.text());
      out().flush();
      if (animate) {
        Thread.sleep(pause);
      }
    }
  }

  private void writePngs(Replay.Result res) throws Exception {
    Files.createDirectories(pngDir);
    for (Replay.Frame f : res.frames()) {
      if (f.picture() == null) {
        throw new IllegalArgumentException("world " + res.episode().world() + " draws no pictures; replay without --png-dir");
      }
      Png.write(f.picture(), pngDir.resolve(String.format(Locale.ROOT, "frame-%04d.png", f.step())));
    }
    out().println("wrote " + res.frames().size() + " frames to " + pngDir);
  }

  private void writeImage(Replay.Result res) throws Exception {
    List<Image> pictures = new ArrayList<>();
    for (Replay.Frame f : res.frames()) {
      if (f.picture() == null) {
        throw new IllegalArgumentException("world " + res.episode().world() + " draws no pictures; replay without "
            + (png != null ? "--png" : "--gif"));
      }
      pictures.add(f.picture());
    }
    Path file = png != null ? png : gif;
    byte[] bytes = png != null ? Filmstrip.strip(pictures, columns, scale)
        : Filmstrip.gif(pictures, (int) Math.max(10, 1000 / fps), scale);
    AtomicFile.write(file, os -> os.write(bytes)); // the streamed form keeps the umask's permissions
    out().println("wrote " + pictures.size() + " frames to " + file + " (" + Bytes.human(bytes.length) + ")");
  }

  /** Whether standard output is a terminal (JDK 22+ can tell a redirected console apart). */
  private static boolean terminal() {
    Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
    } catch (ReflectiveOperationException e) {
      return true; // before JDK 22 a console exists only on a terminal
    }
  }
}
