package io.vivarium.core.config;

/** The world agents live in. */
public record WorldConfig(
    @Doc("World name, e.g. gold; an unknown name lists the known ones.") String name,
    @Doc("World preset with its modifiers: gold-bare-6x6+ego7 is the 6×6 room seen through a 7×7 egocentric view.") String preset,
    @Doc("World instances each agent steps together.") @Range(min = 1, max = 65536) int batch,
    @Doc("The reward, for worlds that offer more than one: a name or a weighted sum such as"
        + " 0.7*syscall-evenness+0.3*byte-entropy (exec; formulas in docs/worlds.md); empty for the preset's own.")
        @Pattern(value = "|[a-z0-9.*+ -]{1,200}", rule = "a reward name or a weighted sum of names, e.g."
            + " syscall-evenness+0.25*distinct-calls") String reward,
    @Doc("An evaluator brain file (vivarium train evaluator) the colony lends its worlds; text worlds pay its"
        + " probability of yes with world.reward=evaluator (docs/evaluator.md). Empty: none.") String evaluator,
    @Doc("How agents live in the world: plain acts on it directly; weave writes each step as a tick of typed"
        + " blocks (orientation, action, expectation) that call the world's tools (repair, chat, terminal;"
        + " docs/weave.md).") @Pattern(value = "plain|weave", rule = "plain or weave") String mode,
    @Doc("The exec world's context and sandbox workers (seed 000).") ExecConfig exec,
    @Doc("The chat world's questions and fact memory (seeds 003 and 004).") ChatConfig chat) {

  /** The configuration without an evaluator, with the chat world's defaults. */
  public WorldConfig(String name, String preset, int batch, String reward, ExecConfig exec) {
    this(name, preset, batch, reward, "", "plain", exec, ChatConfig.defaults());
  }

  /** The configuration without an evaluator. */
  public WorldConfig(String name, String preset, int batch, String reward, ExecConfig exec, ChatConfig chat) {
    this(name, preset, batch, reward, "", "plain", exec, chat);
  }

  public static WorldConfig defaults() {
    return new WorldConfig("gold", "gold-bare-6x6+ego7", 8, "", "", "plain", ExecConfig.defaults(),
        ChatConfig.defaults());
  }
}
