package io.vivarium.worlds.exec;

import io.vivarium.core.world.Action;
import io.vivarium.core.world.Spec;
import io.vivarium.core.world.World;
import io.vivarium.core.world.WorldBatch;
import io.vivarium.core.world.WorldContract;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;

/**
 * The world contract on {@code exec-shell-256}. Random bytes would make shell scripts that may
 * read clocks or process ids, and pipelines run processes concurrently (their syscall counts
 * vary), so actions are drawn from a few fixed sequential scripts instead; sequence actions are
 * comment lines.
 */
class ExecShellContractTest extends WorldContract {
  private static final ExecSettings SETTINGS = ExecSettings.preset("exec-shell-256")
      .withLimits(ExecSettings.preset("exec-shell-256").limits().withTimeout(2000));
  private static final String[] SCRIPTS = {
      "true", "exit 3", "echo one two", "wc -c /dev/null", "no-such-command", "printf 'a\\nb\\n'",
      ": $((6 * 7))", "kill -9 $$"};

  @BeforeAll
  static void needsRoot() {
    HostProbe.assumeSandbox();
  }

  @Override
  protected World create() {
    return new ExecWorld(SETTINGS);
  }

  @Override
  protected WorldBatch batch(int size) {
    return ExecWorld.batch(SETTINGS, size);
  }

  @Override
  protected Action randomAction(Spec spec, SplittableRandom rng) {
    return Action.motor(SCRIPTS[rng.nextInt(SCRIPTS.length)].getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  protected Action sequenceAction(Spec spec, int length) {
    byte[] comment = new byte[length];
    Arrays.fill(comment, (byte) '#');
    return Action.motor(comment);
  }

  @Override
  protected int rolloutSteps() {
    return 16;
  }
}
