package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's help, walked from the root: rendered without a picocli warning (an
 * unescaped {@code %} in a description is one), and each command's one-line summary in its
 * parent's command list is a whole sentence, not a line cut off mid-sentence.
 */
class HelpTest {
  /** Every command line below {@code cl}, depth first, {@code cl} included. */
  private static List<CommandLine> walk(CommandLine cl) {
    List<CommandLine> all = new ArrayList<>();
    all.add(cl);
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (sub.getCommandSpec().aliases().length == 0 || !all.contains(sub)) {
        all.addAll(walk(sub));
      }
    }
    return all;
  }

  @Test
  void everyCommandsHelpRendersWithoutAPicocliWarning() {
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    List<String> names = new ArrayList<>();
    try {
      for (CommandLine cl : walk(Main.commandLine())) {
        StringWriter usage = new StringWriter();
        cl.usage(new PrintWriter(usage, true));
        assertThat(usage.toString()).as(cl.getCommandSpec().qualifiedName()).doesNotContain("%n", "%%");
        names.add(cl.getCommandSpec().qualifiedName());
      }
    } finally {
      System.setErr(saved);
    }
    assertThat(names).contains("vivarium train lm", "vivarium bench memory", "vivarium completion");
    assertThat(captured.toString(StandardCharsets.UTF_8)).as("picocli's warnings").isEmpty();
  }

  @Test
  void everyCommandsSummaryIsAWholeSentence() {
    List<String> cut = new ArrayList<>();
    for (CommandLine cl : walk(Main.commandLine())) {
      CommandLine.Model.UsageMessageSpec u = cl.getCommandSpec().usageMessage();
      String[] lines = u.header().length > 0 ? u.header() : u.description();
      String first = lines.length == 0 ? "" : String.format(lines[0].replace("%n", " ")).strip();
      if (cl.getParent() != null && !(first.endsWith(".") || first.endsWith(".)"))) {
        cut.add(cl.getCommandSpec().qualifiedName() + ": '" + first + "'");
      }
    }
    assertThat(cut).as("summaries that end mid-sentence (the command list shows only the first line)").isEmpty();
  }

  @Test
  void theRootsCommandListShowsEveryCommandsWholeSummary() {
    StringWriter out = new StringWriter();
    assertThat(Main.run(new String[] {"--help"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true)))
        .isZero();
    assertThat(out.toString()).doesNotContainPattern("read-only:\\s*\n").contains("completion");
    StringWriter bench = new StringWriter();
    Main.run(new String[] {"bench", "--help"}, new PrintWriter(bench, true), new PrintWriter(new StringWriter(), true));
    assertThat(bench.toString()).doesNotContainPattern("brute\\s+force on\\s*\n").doesNotContainPattern("block 64,\\s*\n");
  }
}
