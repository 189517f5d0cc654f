package io.vivarium.colony;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColonyLockTest {
  @Test
  void oneHolderAtATime(@TempDir Path tmp) {
    DataDir dir = new DataDir(tmp.resolve("data"));
    assertFalse(ColonyLock.isHeld(dir));
    try (ColonyLock lock = ColonyLock.acquire(dir)) {
      assertTrue(ColonyLock.isHeld(dir));
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> ColonyLock.acquire(dir));
      assertTrue(e.getMessage().contains("already running"), e.getMessage());
    }
    assertFalse(ColonyLock.isHeld(dir));
    ColonyLock.acquire(dir).close();
  }
}
