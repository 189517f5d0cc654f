package io.vivarium.cli;

import io.vivarium.lab.exec.ExecRuns;
import io.vivarium.lab.soup.SoupBridge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vivarium soup export}: the soup's replicators as exec programs ({@link SoupBridge}). */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Write the self-replicators among the soup's most frequent tapes as 64-byte program files "
        + "(replicator-NN.bin, listed in replicators.tsv) that 'vivarium exec FILE' runs.",
        "--run also runs each in the exec sandbox (x86-64 machine code, never outside the sandbox) and prints its "
            + "outcome and rewards."})
final class SoupExportCommand extends VivariumCommand {
  @Option(names = "--replicators", required = true, paramLabel = "DIR", description = "Where to write the programs.")
  Path to;

  @Option(names = "--top", paramLabel = "K", defaultValue = "16",
      description = "Most frequent distinct tapes tested (default: ${DEFAULT-VALUE}, at most 64).")
  int top;

  @Option(names = "--run", description = "Run each exported program in the exec sandbox and print the rewards.")
  boolean run;

  @Option(names = "--out", paramLabel = "DIR", description = "The soup's directory (default: DATA/soup).")
  Path out;

  @Override
  public Integer call() throws Exception {
    Path dir = out != null ? out : dataDir().resolve("soup");
    List<SoupBridge.Exported> list = SoupBridge.exportReplicators(dir, top, to);
    out().printf("exported %d replicators of the %d most frequent tapes to %s%n", list.size(), top, to);
    for (SoupBridge.Exported e : list) {
      out().printf("%s  %dx  score %d  %s%n", e.file().getFileName(), e.tape().count(), e.tape().score(),
          e.tape().text());
      if (run) {
        ExecRuns.Report r = SoupBridge.runInSandbox(Files.readAllBytes(e.file()));
        StringBuilder rewards = new StringBuilder();
        r.rewards().forEach((name, v) -> rewards.append(String.format(Locale.ROOT, " %s=%.4f", name, v)));
        out().println("  sandbox: " + r.summary() + " ·" + rewards);
      }
    }
    return 0;
  }
}
