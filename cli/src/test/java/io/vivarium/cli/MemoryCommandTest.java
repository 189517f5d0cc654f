package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory commands against a real memory in a temporary data directory. */
class MemoryCommandTest {
  @TempDir Path data;

  @Test
  void factsAreAddedListedSearchedAndCounted() {
    assertThat(run("memory", "stats").err).contains("no memory in");
    assertThat(run("memory", "add-fact", "gold.colour", "yellow").out)
        .contains("stored fact #0: gold.colour = yellow");
    run("memory", "add-fact", "wall.colour", "grey");
    run("memory", "add-fact", "gold.value", "1");
    assertThat(run("memory", "facts", "gold.").out)
        .isEqualTo("gold.colour = yellow\ngold.value = 1\n");
    Result search = run("memory", "search", "gold.colour", "-k", "1", "--kind", "fact");
    assertThat(search.code).isZero();
    assertThat(search.out).contains("gold.colour = yellow").doesNotContain("grey");
    assertThat(run("memory", "search", "gold", "--kind", "output").out)
        .contains("nothing recalled");
    assertThat(run("memory", "stats").out).contains("entries:    3").contains("fact:     3")
        .contains("dimension:  128");
    Result bad = run("memory", "search", "gold", "-k", "-1");
    assertThat(bad.code).isEqualTo(Main.FAILURE);
    assertThat(bad.err).contains("recall k must be between 0 and 10000; got -1");
  }

  private record Result(int code, String out, String err) {}

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 2];
    all[0] = "--data";
    all[1] = data.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString().replace(System.lineSeparator(), "\n"), err.toString());
  }
}
