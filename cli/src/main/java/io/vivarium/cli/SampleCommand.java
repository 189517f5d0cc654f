package io.vivarium.cli;

import io.vivarium.brain.Torch;
import io.vivarium.brain.learn.TextSampler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vivarium sample}: continues a text prompt with a saved brain. */
@Command(name = "sample", mixinStandardHelpOptions = true,
    description = "Continue a text prompt with a brain file (e.g. one from 'vivarium train lm').")
final class SampleCommand extends VivariumCommand {
  @Option(names = "--brain", paramLabel = "FILE", required = true, description = "Brain file.")
  Path brain;

  @Option(names = "--prompt", paramLabel = "TEXT", defaultValue = "",
      description = "Text to continue (default: a newline).")
  String prompt;

  @Option(names = "--bytes", paramLabel = "N", defaultValue = "500",
      description = "Bytes to generate (default: ${DEFAULT-VALUE}).")
  int bytes;

  @Option(names = "--temperature", paramLabel = "X", defaultValue = "0.8",
      description = "Sampling temperature, 0 = greedy (default: ${DEFAULT-VALUE}).")
  double temperature;

  @Option(names = "--top-k", paramLabel = "K", defaultValue = "0",
      description = "Sample among the K likeliest bytes, 0 = all (default: ${DEFAULT-VALUE}).")
  int topK;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Sampling seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (bytes < 1) {
      throw new IllegalArgumentException("--bytes must be at least 1; got " + bytes);
    }
    Torch.start(config(java.util.List.of()).brain(), dataDir());
    byte[] text = TextSampler.sample(brain, prompt, bytes, temperature, topK, seed);
    out().println(new String(text, StandardCharsets.UTF_8));
    out().flush();
    return 0;
  }
}
