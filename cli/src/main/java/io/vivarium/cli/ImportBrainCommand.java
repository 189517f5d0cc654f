package io.vivarium.cli;

import io.vivarium.brain.BrainInterop;
import io.vivarium.brain.BrainShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vivarium import-brain FILE.safetensors --out BRAIN_FILE}: a brain trained elsewhere
 * (e.g. in PyTorch with scripts/vivarium_brain.py) back into a brain file ({@code import} reads a
 * whole agent's tar).
 */
@Command(name = "import-brain", mixinStandardHelpOptions = true,
    description = {"Read a safetensors brain (from 'vivarium export-brain' or vivarium_brain.py save) into a brain file "
        + "that train, eval, think and sample read. Every tensor is checked against the shape in its __metadata__.",
        "'vivarium import' is another thing: a whole agent's tar archive into a colony."})
final class ImportBrainCommand extends VivariumCommand {
  @Parameters(paramLabel = "FILE.safetensors", description = "The safetensors file to read.")
  Path in;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "BRAIN_FILE", description = "The brain file to write.")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(in)) {
      throw new IllegalArgumentException(in + " does not exist; pass a .safetensors file written by "
          + "'vivarium export-brain' or vivarium_brain.py save()");
    }
    BrainShape shape = BrainInterop.importFile(in, out);
    out().printf(Locale.ROOT, "imported %s (%s, %,d parameters) to %s (%s)%n", in, shape.label(),
        shape.parameterCount(), out, Bytes.human(Files.size(out)));
    return 0;
  }
}
