package io.vivarium.worlds.weave;

import static org.assertj.core.api.Assertions.assertThat;

import io.vivarium.worlds.weave.Blocks.Malformed;
import io.vivarium.worlds.weave.Blocks.Tick;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BlocksTest {
  private static Blocks.Parsed parse(String s) {
    return Blocks.parse(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String problem(String s) {
    return ((Malformed) parse(s)).problem();
  }

  @Test
  void aTickContinuesTheOpenOrientationAndHoldsEveryWrittenTypeInOrder() {
    Blocks.Parsed p = parse("The passage lost a space.\n#endblock\n#startblock type: action\nedit\n-themusic\n"
        + "+the music\n#endblock\n\n#startblock type: expectation\nThe passage reads clean.\n#endblock\n");
    assertThat(p).isInstanceOf(Tick.class);
    Tick t = (Tick) p;
    assertThat(t.blocks()).extracting(Blocks.Block::type).containsExactly("orientation", "action", "expectation");
    assertThat(t.blocks().get(0).body()).isEqualTo("The passage lost a space.");
    assertThat(t.action()).isEqualTo("edit\n-themusic\n+the music");
  }

  @Test
  void wholeBlocksAndAnActionAloneParseToo() {
    Tick t = (Tick) parse("#startblock type: action\nanswer Fenwick\n#endblock");
    assertThat(t.blocks()).hasSize(1);
    assertThat(t.action()).isEqualTo("answer Fenwick");
  }

  @Test
  void anUnknownTypeListsTheTypesAnAgentWrites() {
    assertThat(problem("ok\n#endblock\n#startblock type: musing\nhm\n#endblock\n"))
        .isEqualTo("block 2 has the unknown type 'musing'; the types an agent writes are [orientation, action,"
            + " expectation]");
  }

  @Test
  void theWorldsTypesAreRefusedByName() {
    assertThat(problem("#startblock type: observation\nI win\n#endblock\n"))
        .startsWith("block 1 is of type observation, which the world writes, not the agent");
    assertThat(problem("x\n#endblock\n#startblock type: evaluation\nyes\n#endblock\n"))
        .contains("evaluation, which the world writes");
  }

  @Test
  void aMissingEndblockIsNamedWhereverItIsMissing() {
    assertThat(problem("ok\n#endblock\n#startblock type: action\nanswer x\n"))
        .isEqualTo("block 2 (action) has no #endblock; close every block with a line #endblock");
    assertThat(problem("ok\n#startblock type: action\nanswer x\n#endblock\n"))
        .isEqualTo("block 1 (orientation) has no #endblock before the next #startblock at line 2; close every block"
            + " with a line #endblock");
  }

  @Test
  void blocksOutOfOrderOrTwiceAreRefused() {
    assertThat(problem("#startblock type: action\nanswer x\n#endblock\n#startblock type: orientation\nhm\n#endblock\n"))
        .startsWith("block 2 (orientation) is out of order");
    assertThat(problem("#startblock type: action\nanswer x\n#endblock\n#startblock type: action\nanswer y\n#endblock"))
        .startsWith("block 2 (action) is out of order; a tick holds at most one of each type");
  }

  @Test
  void aTickWithoutAnActionOrWithAnEmptyOneIsRefused() {
    assertThat(problem("thinking\n#endblock\n#startblock type: expectation\nwin\n#endblock\n"))
        .isEqualTo("the tick has no action block; write #startblock type: action, a tool call, #endblock");
    assertThat(problem("x\n#endblock\n#startblock type: action\n\n#endblock\n"))
        .isEqualTo("the action block is empty; its first word names a tool");
  }

  @Test
  void anOversizedBlockIsRefusedWithItsSize() {
    String big = "a".repeat(Blocks.MAX_BODY + 1);
    assertThat(problem(big + "\n#endblock\n#startblock type: action\nanswer x\n#endblock\n"))
        .isEqualTo("block 1 (orientation) is 1025 bytes; a block holds at most 1024 bytes, write it shorter");
  }

  @Test
  void textOutsideBlocksIsRefused() {
    assertThat(problem("x\n#endblock\n#startblock type: action\nanswer y\n#endblock\nand more\n"))
        .isEqualTo("line 6 is outside any block: 'and more'; write every line inside #startblock type: TYPE … #endblock");
  }

  @Test
  void binaryGarbageIsNamedNeverThrown() {
    assertThat(((Malformed) Blocks.parse(new byte[] {0x41, (byte) 0xff, (byte) 0xfe, 0x41})).problem())
        .isEqualTo("the tick is not UTF-8 text: byte 0xff at offset 1 starts no valid character; write blocks of UTF-8 text");
    assertThat(((Malformed) Blocks.parse(new byte[] {0x41, (byte) 0xe2, (byte) 0x82})).problem())
        .as("a character cut at the end").startsWith("the tick is not UTF-8 text: byte 0xe2 at offset 1");
    assertThat(((Malformed) Blocks.parse(new byte[] {'a', 0, 'b'})).problem())
        .isEqualTo("the tick holds the control byte 0x00 at character 1; write blocks of printable text, lines ended by \\n");
    java.util.SplittableRandom r = new java.util.SplittableRandom(7);
    for (int k = 0; k < 2000; k++) {
      byte[] b = new byte[r.nextInt(300)];
      r.nextBytes(b);
      assertThat(Blocks.parse(b)).isNotNull(); // never an exception
    }
  }

  @Test
  void renderIsTheSeedsForm() {
    assertThat(Blocks.render("orientation", java.util.List.of("# Starting tick #37 with block #333"), "Fix it."))
        .isEqualTo("#startblock type: orientation\n# Starting tick #37 with block #333\nFix it.\n#endblock\n");
  }
}
