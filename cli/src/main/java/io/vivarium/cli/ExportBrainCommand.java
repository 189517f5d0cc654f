package io.vivarium.cli;

import io.vivarium.brain.BrainInterop;
import io.vivarium.brain.BrainShape;
import io.vivarium.colony.registry.AgentRow;
import io.vivarium.colony.store.CheckpointStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vivarium export-brain AGENT|BRAIN_FILE --format safetensors --out FILE}: one brain's
 * weights for PyTorch and the rest of the field ({@code export} is the whole agent as a tar).
 */
@Command(name = "export-brain", mixinStandardHelpOptions = true,
    description = {"Write one brain as a safetensors file for PyTorch (scripts/vivarium_brain.py runs it): an agent's "
        + "newest checkpoint, or a brain file. Tensor names and shapes as docs/brain.md, the shape, vocabulary and "
        + "trained-for world in the header's __metadata__.",
        "'vivarium export' is another thing: a whole agent (checkpoint, registry row, episodes) as a tar archive."})
final class ExportBrainCommand extends VivariumCommand {
  @Parameters(paramLabel = "AGENT|BRAIN_FILE",
      description = "An agent of the colony in --data (its newest verified checkpoint), e.g. a0003, or a brain file.")
  String source;

  @Option(names = "--format", paramLabel = "F", defaultValue = "safetensors",
      description = "Output format; only safetensors (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "The .safetensors file to write.")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (!format.toLowerCase(Locale.ROOT).equals("safetensors")) {
      throw new IllegalArgumentException("--format must be safetensors; got '" + format + "' (the only format for now)");
    }
    Path file = Path.of(source);
    BrainShape shape;
    String what;
    if (Files.isRegularFile(file)) {
      shape = BrainInterop.exportFile(file, out);
      what = "brain file " + file;
    } else if (source.contains("/") || source.contains(".") || !isAgentId(source)) {
      throw new IllegalArgumentException(source + " is neither a brain file nor an agent id; pass a file written by "
          + "'vivarium train' or an agent that 'vivarium agents' lists");
    } else {
      CheckpointStore.Loaded latest = Colonies.require(dataDir()).checkpoints().latest(source, d -> { })
          .orElseThrow(() -> new IllegalArgumentException("no checkpoint of agent '" + source + "' in " + dataDir()
              + "; 'vivarium agents' lists the colony's agents"));
      shape = BrainInterop.exportBytes(latest.payload(), latest.checkpoint().file().toString(), out);
      what = source + "'s brain (checkpoint at step " + latest.checkpoint().step() + ")";
    }
    out().printf(Locale.ROOT, "exported %s (%s, %,d parameters) to %s (%s)%n", what, shape.label(),
        shape.parameterCount(), out, Bytes.human(Files.size(out)));
    return 0;
  }

  private static boolean isAgentId(String s) {
    try {
      AgentRow.checkId(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
