package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.colony.DataDir;
import io.vivarium.colony.runtime.Colony;
import io.vivarium.core.config.ConfigResolver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vivarium replay} on a weaving agent of a small real chat colony plays back its recorded ticks. */
class ReplayWovenTest {
  @TempDir Path tmp;

  @Test
  void aWeavingAgentPlaysBackItsTicksBlockByBlock() {
    Path data = tmp.resolve("colony");
    try (Colony c = new Colony(new DataDir(data), ConfigResolver.resolve(null, List.of("world.name=chat",
        "world.preset=chat-facts", "world.mode=weave", "colony.agents=1", "world.batch=4", "learn.grpo.group=4",
        "colony.turnSteps=2", "bus.enabled=false", "memory.enabled=false")), l -> {})) {
      c.runRounds(1);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"--data", data.toString(), "replay", "a0001", "--ticks", "1"},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(code).as(err.toString()).isZero();
    String text = out.toString();
    assertThat(text).startsWith("## tick #2 · episode ").contains("#startblock type: observation\n#timestamp ")
        .contains("#startblock type: evaluation\n").endsWith("#endblock\n");
    assertThat(text.split("## tick ", -1)).as("one tick").hasSize(2);
  }
}
