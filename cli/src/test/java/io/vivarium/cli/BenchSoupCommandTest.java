package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code vivarium bench soup}: the keys, the same soup for every engine and thread count. */
class BenchSoupCommandTest {
  private final StringWriter err = new StringWriter();

  private String run(String... args) {
    StringWriter out = new StringWriter();
    int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isZero();
    return out.toString();
  }

  @Test
  void everyEngineAndThreadCountEvolvesTheSameSoup() {
    String fast = run("bench", "soup", "--size", "2048", "--epochs", "40", "--seed", "3", "--threads", "2");
    String reference = run("bench", "soup", "--size", "2048", "--epochs", "40", "--seed", "3",
        "--threads", "1", "--engine", "reference");
    assertThat(fast).containsPattern("(?m)^epochs_per_second: [0-9.]+$")
        .containsPattern("(?m)^ops_per_second: [0-9]+$")
        .contains("threads: 2").containsPattern("(?m)^engine: fast");
    assertThat(reference).contains("engine: reference", "threads: 1");
    assertThat(value(fast, "entropy_bits_per_byte")).isEqualTo(value(reference, "entropy_bits_per_byte"));
    assertThat(value(fast, "ops_per_pair")).isEqualTo(value(reference, "ops_per_pair"));
    assertThat(value(fast, "soup_checksum")).isEqualTo(value(reference, "soup_checksum"));
  }

  @Test
  void badInputIsNamed() {
    StringWriter out = new StringWriter();
    assertThat(Main.run(new String[] {"bench", "soup", "--engine", "turbo"}, new PrintWriter(out, true),
        new PrintWriter(err, true))).isEqualTo(Main.FAILURE);
    assertThat(err.toString()).contains("--engine must be reference or fast; got 'turbo'");
    assertThat(Main.run(new String[] {"bench", "soup", "--size", "3"}, new PrintWriter(out, true),
        new PrintWriter(err, true))).isEqualTo(Main.FAILURE);
    assertThat(err.toString()).contains("soup size must be an even number of tapes");
  }

  private static String value(String out, String key) {
    Matcher m = Pattern.compile("(?m)^" + key + ": (\\S+)$").matcher(out);
    assertThat(m.find()).as(key + " in " + out).isTrue();
    return m.group(1);
  }
}
