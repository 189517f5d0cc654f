package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** docs/memory.md's {@code bench memory} options are the CLI's: each one, with a value as documented, parses. */
class BenchMemoryDocsTest {
  private static final Pattern OPTION = Pattern.compile("(--[a-z-]+) (true\\|false|[A-Z]+)");

  @Test
  void everyDocumentedOptionParsesAndEveryCliOptionIsDocumented() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "memory.md"));
    String usage = doc.lines().filter(l -> l.strip().startsWith("vivarium bench memory")).findFirst().orElseThrow();
    String section = usage + "\n" + doc.substring(doc.indexOf("## Benchmark"), doc.indexOf("### SIMD"));
    Set<String> documented = new LinkedHashSet<>();
    Matcher m = OPTION.matcher(section.replace('\n', ' ').replaceAll("`", ""));
    while (m.find()) {
      documented.add(m.group(1));
      List<String> args = new ArrayList<>(List.of("bench", "memory", m.group(1)));
      args.add(m.group(2).startsWith("true") ? "false" : m.group(1).equals("--fitness-weight") ? "0.5" : "3");
      CommandLine cl = Main.commandLine();
      cl.parseArgs(args.toArray(String[]::new)); // throws on an option the CLI lacks or a value it refuses
    }
    assertThat(documented).contains("--dedup", "--compact", "--over-fetch", "--seed", "--ram-buffer-mb");
    CommandLine bench = Main.commandLine().getSubcommands().get("bench").getSubcommands().get("memory");
    for (CommandLine.Model.OptionSpec o : bench.getCommandSpec().options()) {
      if (o.longestName().matches("--(n|dim|queries|clusters|threads|seed|dedup|compact|over-fetch|max-conn"
          + "|beam-width|refresh-ms|ram-buffer-mb|fitness-weight)")) {
        assertThat(documented).as("docs/memory.md names " + o.longestName()).contains(o.longestName());
      }
    }
  }
}
