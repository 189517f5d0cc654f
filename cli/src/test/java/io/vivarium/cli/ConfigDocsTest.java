package io.vivarium.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.core.config.ConfigDocs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md carries the generated reference; it must match the records. */
class ConfigDocsTest {
  static final String BEGIN = "<!-- BEGIN GENERATED: vivarium config --docs -->";
  static final String END = "<!-- END GENERATED -->";

  @Test
  void theReferenceInTheDocsMatchesTheCode() throws Exception {
    Path doc = Path.of("..", "docs", "configuration.md");
    String text = Files.readString(doc);
    int b = text.indexOf(BEGIN);
    int e = text.indexOf(END);
    assertThat(b).as("generated block in %s", doc).isNotNegative();
    String block = text.substring(b + BEGIN.length(), e).strip();
    assertThat(block)
        .as("docs/configuration.md is out of date; regenerate the block between the markers with "
            + "'./vivarium config --docs' (or run this test with -Dvivarium.regenerate=true)")
        .isEqualTo(regenerateIfAsked(doc, text, b, e));
  }

  private static String regenerateIfAsked(Path doc, String text, int b, int e) throws Exception {
    String fresh = ConfigDocs.markdown().strip();
    if (Boolean.getBoolean("vivarium.regenerate")) {
      Files.writeString(doc, text.substring(0, b + BEGIN.length()) + "\n" + fresh + "\n" + text.substring(e));
    }
    return fresh;
  }
}
