package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.core.Progress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link Bars}: plain progress lines (total, percentage, elapsed, ETA) on a fake clock, and the drawn bar. */
class BarsTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void plainLinesComeAtEachTenthWithTotalAndEta() {
    StringWriter err = new StringWriter();
    AtomicLong now = new AtomicLong();
    try (Progress p = Bars.plain(new PrintWriter(err, true), now::get).start("train lm", 200, "iterations")) {
      for (int i = 0; i < 200; i++) {
        now.addAndGet(SECOND / 2); // one iteration each half second: 100 s in all
        p.advance(1);
        if (i == 49) {
          p.note("loss 1.2345");
        }
      }
    }
    String[] lines = err.toString().split("\n");
    assertThat(lines[0]).isEqualTo("train lm: 0/200 iterations");
    assertThat(lines[1]).isEqualTo("train lm: 20/200 iterations (10%) · 0:10 elapsed · ETA 1:30");
    assertThat(lines[3]).isEqualTo("train lm: 60/200 iterations (30%) · 0:30 elapsed · ETA 1:10 · loss 1.2345");
    assertThat(lines[lines.length - 1]).isEqualTo("train lm: done, 200/200 iterations in 1:40 · loss 1.2345");
    assertThat(lines).hasSize(1 + 9 + 1); // start, 10% … 90%, done
  }

  @Test
  void slowWorkGetsALineAMinuteAndUnknownTotalsCountWithoutEta() {
    StringWriter err = new StringWriter();
    AtomicLong now = new AtomicLong();
    Bars bars = Bars.plain(new PrintWriter(err, true), now::get);
    try (Progress p = bars.start("export a0003", 1000, "bytes")) {
      now.addAndGet(61 * SECOND);
      p.advanceTo(1); // under a tenth, but a minute passed
      p.advanceTo(0); // backwards: ignored
    }
    assertThat(err.toString()).contains("export a0003: 1/1000 bytes (0%) · 1:01 elapsed · ETA 16:55:39",
        "export a0003: stopped at 1/1000 bytes in 1:01");
    StringWriter open = new StringWriter();
    Progress unknown = Bars.plain(new PrintWriter(open, true), now::get).start("build", 0, "modules");
    now.addAndGet(61 * SECOND);
    unknown.advance(3);
    unknown.close();
    unknown.close(); // twice: no second line
    unknown.advance(1); // after close: nothing
    assertThat(open.toString()).isEqualTo("build: started (modules)\nbuild: 3 modules · 1:01 elapsed\n"
        + "build: stopped at 3 modules in 1:01\n");
  }

  @Test
  void timedProgressCountsSecondsOfItsTotalAndEndsWhenClosed() {
    StringWriter err = new StringWriter();
    Progress p = Bars.timed(Bars.plain(new PrintWriter(err, true), System::nanoTime), "bench colony", 180);
    p.close();
    String[] lines = err.toString().split("\n");
    assertThat(lines[0]).isEqualTo("bench colony: 0/180 seconds");
    assertThat(lines[lines.length - 1]).startsWith("bench colony: stopped at ").contains("/180 seconds in ");
  }

  @Test
  void clockReadsMinutesAndHours() {
    assertThat(Bars.clock(Duration.ofSeconds(5))).isEqualTo("0:05");
    assertThat(Bars.clock(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
    assertThat(Bars.clock(Duration.ofSeconds(-3))).isEqualTo("0:00");
  }

  @Test
  void theDrawnBarShowsTaskCountAndTotalAndLinesAboveItClearIt() {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    PrintStream terminal = new PrintStream(screen, true, StandardCharsets.UTF_8);
    Bars bars = Bars.drawn(terminal);
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    PrintWriter out = bars.above(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    try (Progress p = bars.start("eval gold-bare-5x5", 64, "episodes")) {
      p.advance(32);
      out.println("a result line");
      p.advanceTo(64);
    }
    String drawn = screen.toString(StandardCharsets.UTF_8);
    assertThat(drawn).contains("eval gold-bare-5x5", "64/64", "episodes").contains("\r\033[2K");
    assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo("a result line" + System.lineSeparator());
  }
}
