package io.vivarium.core.config;

/**
 * What an exec colony's agents see and where their programs run (seed 000's context: the last
 * output, recalled memories, random bytes, the outcome record). The token budget of each part
 * is in docs/worlds.md.
 */
public record ExecConfig(
    @Doc("Sandbox executor processes shared by every agent of the colony; the programs of a step run"
        + " on them in parallel.") @Range(min = 1, max = 64) int workers,
    @Doc("Whether an agent sees its last output (the program its group chose, seed 000's \"output\").")
        boolean lastOutput,
    @Doc("Whether an agent sees the touch record of its last output's run (outcome, counts, top calls;"
        + " with the live preset also load and memory of the machine).") boolean touch,
    @Doc("Random bytes in an agent's context (seed 000's /dev/random); -1 for the preset's 16.")
        @Range(min = -1, max = 4096) int noise,
    @Doc("Bytes of the program's own output (stdout and stderr) in the context; 0 for none, as in the seed.")
        @Range(min = 0, max = 4096) int output,
    @Doc("Programs offered to the agents as the world's good answers, to clone (learn.method auto then"
        + " clones them first, bc+grpo): a program file, or a directory whose *.bin files are one program"
        + " each, e.g. the soup's replicators from vivarium soup export --replicators DIR. Empty: none.")
        String teacher) {

  /** A context without a teacher. */
  public ExecConfig(int workers, boolean lastOutput, boolean touch, int noise, int output) {
    this(workers, lastOutput, touch, noise, output, "");
  }

  public static ExecConfig defaults() {
    return new ExecConfig(2, true, true, -1, 0, "");
  }
}
