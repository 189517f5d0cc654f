package io.vivarium.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code vivarium completion bash}: the shell completion script picocli's {@link AutoComplete}
 * generates from the command tree, so it always matches the commands and options.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {"Print a shell completion script for vivarium (bash; zsh reads it too after 'autoload -U "
        + "bashcompinit && bashcompinit').",
        "Use it with: source <(./vivarium completion bash)"})
final class CompletionCommand extends VivariumCommand {
  /** Shells the script is made for. */
  enum Shell { bash, zsh }

  @Parameters(paramLabel = "SHELL", defaultValue = "bash",
      description = "The shell: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Shell shell;

  @Override
  public Integer call() {
    out().print(AutoComplete.bash("vivarium", spec.root().commandLine()));
    out().flush();
    return 0;
  }
}
