package io.vivarium.worlds.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vivarium.worlds.repair.Corpus.Split;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in generated corpus and corpora read from files. */
class CorpusTest {
  @Test
  void generatedPassagesAreVariedDeterministicAndWithinLength() {
    GeneratedCorpus c = GeneratedCorpus.standard();
    Set<String> seen = new HashSet<>();
    boolean digits = false;
    boolean quotes = false;
    for (int i = 0; i < 300; i++) {
      String p = c.passage(Split.TRAIN, i);
      assertThat(p).isEqualTo(c.passage(Split.TRAIN, i));
      assertThat(p.length()).isBetween(100, c.passageChars());
      assertThat(Diffs.lines(p)).allMatch(line -> line.length() <= c.lineWidth());
      assertThat(Character.isUpperCase(p.charAt(0)) || p.charAt(0) == '"').as(p).isTrue();
      digits |= p.matches("(?s).*\\d.*");
      quotes |= p.contains("\"");
      seen.add(p);
      assertThat(c.passage(Split.HELDOUT, i)).isNotEqualTo(p);
    }
    assertThat(seen).hasSize(300);
    assertThat(digits).isTrue();
    assertThat(quotes).isTrue();
  }

  @Test
  void badGeneratorSettingsNameTheRule() {
    assertThatThrownBy(() -> new GeneratedCorpus(1, 10, 72))
        .hasMessageContaining("passageChars must be between 80 and 100000; got 10");
  }

  @Test
  void aFileIsCutIntoPassagesAndEveryTenthIsHeldOut(@TempDir Path dir) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      text.append("Paragraph ").append(i).append(" says something plain.\r\nIt has two lines.\n\n");
    }
    Path file = dir.resolve("corpus.txt");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    FileCorpus c = FileCorpus.read(file, 120);
    assertThat(c.size(Split.TRAIN) + c.size(Split.HELDOUT)).isEqualTo(20);
    assertThat(c.size(Split.HELDOUT)).isEqualTo(2);
    for (Split s : Split.values()) {
      for (int i = 0; i < c.size(s); i++) {
        assertThat(c.passage(s, i)).hasSizeLessThanOrEqualTo(120).doesNotContain("\r");
      }
    }
    assertThat(c.passage(Split.TRAIN, 0)).startsWith("Paragraph 0 says").contains("\n\nParagraph 1");
  }

  @Test
  void longParagraphsAreCutAtLinesOrWords() {
    String para = "word ".repeat(100).strip();
    FileCorpus c = FileCorpus.of("words", para, 60);
    for (Split s : Split.values()) {
      for (int i = 0; i < c.size(s); i++) {
        assertThat(c.passage(s, i)).hasSizeLessThanOrEqualTo(60).startsWith("word").endsWith("word");
      }
    }
  }

  @Test
  void badFilesAreRejectedWithTheFix(@TempDir Path dir) throws IOException {
    Path latin1 = dir.resolve("latin1.txt");
    Files.write(latin1, new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});
    assertThatThrownBy(() -> FileCorpus.read(latin1, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("latin1.txt").hasMessageContaining("must be UTF-8").hasMessageContaining("iconv");
    assertThatThrownBy(() -> FileCorpus.read(dir.resolve("missing.txt"), 100))
        .hasMessageContaining("missing.txt cannot be read");
    assertThatThrownBy(() -> FileCorpus.of("tiny", "just one passage", 100))
        .hasMessageContaining("at least 2 passages").hasMessageContaining("gave 1");
  }
}
