package io.vivarium.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer killed with SIGKILL mid-writes loses nothing it committed. */
class CrashRecoveryTest {
  @TempDir Path dir;

  @Test
  void committedEntriesSurviveSigkill() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx256m", "-cp",
        System.getProperty("java.class.path"), CrashChild.class.getName(), dir.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    int committed = 0;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        committed = Integer.parseInt(line.substring("committed ".length()));
        if (committed >= 1500) {
          break;
        }
      }
      child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    assertThat(committed).as("the child reported commits").isGreaterThanOrEqualTo(1500);
    assertThat(child.exitValue()).isEqualTo(137);

    try (FSDirectory d = FSDirectory.open(dir); CheckIndex check = new CheckIndex(d)) {
      assertThat(check.checkIndex().clean).isTrue();
      Set<String> payloads = new HashSet<>();
      try (DirectoryReader r = DirectoryReader.open(d)) {
        StoredFields f = r.storedFields();
        for (int doc = 0; doc < r.maxDoc(); doc++) {
          payloads.add(f.document(doc).getBinaryValue(Schema.PAYLOAD).utf8ToString());
        }
      }
      for (int i = 0; i < committed; i++) {
        assertThat(payloads).contains("e" + i);
      }
    }
    // It opens cleanly for writing again, and new ids continue after the old ones.
    try (LuceneMemory m = MemoryIndex.open(dir, 0, Fixtures.plain(), Clock.systemUTC())) {
      assertThat(m.dimension()).isEqualTo(16);
      long entries = m.stats().entries();
      assertThat(entries).isGreaterThanOrEqualTo(committed);
      long id = m.store(Entry.of("output", "after", 0, Reference.random(1, 16, 9)[0],
          Fixtures.bytes("after")));
      assertThat(id).isGreaterThanOrEqualTo(entries);
    }
  }
}
