package io.vivarium.colony.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.bus.BrokerUrl;
import io.vivarium.bus.ByteCounts;
import io.vivarium.bus.MemberFilter;
import io.vivarium.bus.MqttBus;
import io.vivarium.core.config.BusConfig;
import io.vivarium.core.config.ConfigResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The colony's byte counts on the real embedded broker: strangers and echoes never count. */
class ColonyBytesTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  @Test
  void countsOnlyTheColonysAgentsOfOtherProcessesBesideItsOwnBytes() {
    BusConfig config = ConfigResolver.resolve(null, java.util.List.of("bus.port=0")).bus();
    Set<String> ours = Set.of("a1");
    Set<String> live = Set.of("a1", "b1");
    try (MqttBus bus = MqttBus.open(config, "lab", dir);
        MqttBus other = MqttBus.connect(BrokerUrl.parse(bus.url()), "lab", ColonyBusTest.login(dir), null);
        ColonyBytes counts = new ColonyBytes(bus, ours::contains, new MemberFilter(live::contains, "test"))) {
      counts.add(new byte[] {1, 1, 2});
      long[] b1 = new long[256];
      b1[7] = 5;
      long[] echo = new long[256];
      echo[1] = 1000;
      long[] flat = new long[256];
      Arrays.fill(flat, 1000);
      await("b1's first counts", () -> {
        other.publishByteCounts("b1", new ByteCounts(10, b1));
        return counts.snapshot()[7] > 0;
      });
      other.publishByteCounts("a1", new ByteCounts(99, echo)); // our own agent's echo: already added
      other.publishByteCounts("zz01", new ByteCounts(1, flat)); // a stranger's flat histogram
      other.publishByteCounts("b1", new ByteCounts(10, b1)); // a duplicate: same step
      other.publishByteCounts("b1", new ByteCounts(20, b1)); // the next interval
      await("the stranger and b1's next interval", () -> counts.ignoredCounts() == 1 && counts.snapshot()[7] == 10);
      long[] s = counts.snapshot();
      assertThat(s[1]).isEqualTo(2);
      assertThat(s[2]).isEqualTo(1);
      assertThat(s[7]).isEqualTo(10);
      assertThat(Arrays.stream(s).sum()).as("nothing from zz01 or the echo").isEqualTo(13);
      assertThat(counts.ignoredCounts()).isEqualTo(1);
    }
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + WAIT + " waiting for: " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for: " + what);
      }
    }
  }
}
