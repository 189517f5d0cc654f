package io.vivarium.zoo;

import io.javalin.http.Context;
import io.vivarium.core.world.Png;
import io.vivarium.lab.soup.SoupCurves;
import io.vivarium.lab.soup.SoupView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The soup in the zookeeper ({@code docs/soup.md}): {@code GET /api/soup} (the newest checkpoint's
 * epoch and size, its most frequent tapes with the self-replicator test, and the metrics rows of
 * {@code soup.csv}) and {@code GET /api/soup/image} (a window of the soup as a PNG, one row per
 * tape as cubff draws it). It reads the files {@code vivarium soup} writes under {@code DATA/soup}
 * and re-reads the checkpoint only when it changed, so a running soup shows live without any tie
 * to its process. Thread-safe.
 */
final class SoupPage {
  /** Most frequent tapes listed. */
  static final int TOP = 8;
  /** The most metrics rows sent. */
  static final int MAX_ROWS = 20_000;

  private final Path dir;
  private Snapshot current;

  private record Snapshot(Object key, SoupView view, List<SoupView.Tape> top) {}

  SoupPage(Path dir) {
    this.dir = dir;
  }

  /** Whether the data directory {@code root} holds a soup ({@code root/soup/soup.ckpt}). */
  static boolean holdsSoup(Path root) {
    return Files.isRegularFile(root.resolve("soup").resolve(SoupView.CHECKPOINT));
  }

  /** Whether the data directory holds a soup (a checkpoint under {@code DATA/soup}). */
  boolean present() {
    return Files.isRegularFile(dir.resolve(SoupView.CHECKPOINT));
  }

  /** The soup's state, its frequent tapes and its curves. */
  void status(Context ctx) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    Snapshot s = snapshot();
    out.put("present", s != null);
    out.put("dir", dir.toString());
    if (s != null) {
      out.put("epoch", s.view().epoch());
      out.put("size", s.view().size());
      out.put("seed", Long.toString(s.view().seed())); // a string: JavaScript numbers lose 64-bit seeds
      out.put("top", s.top());
    }
    SoupCurves.Table t = SoupCurves.read(dir, MAX_ROWS);
    out.put("columns", t.names());
    out.put("rows", t.rows());
    ctx.json(out);
  }

  /** A window of the soup as PNG: {@code order} index|frequent, {@code from}, {@code rows}, {@code scale}. */
  void image(Context ctx) throws IOException {
    Snapshot s = snapshot();
    if (s == null) {
      throw ApiError.notFound("no soup in " + dir + "; run 'vivarium soup' with this --data first");
    }
    SoupView.Order order;
    try {
      order = SoupView.Order.of(ctx.queryParamAsClass("order", String.class).getOrDefault("index"));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    }
    int from = (int) Params.queryLong(ctx, "from", 0, 0, s.view().size() - 1);
    int rows = (int) Params.queryLong(ctx, "rows", 256, 1, SoupView.MAX_ROWS);
    int scale = (int) Params.queryLong(ctx, "scale", 2, 1, 8);
    byte[] png = Png.encode(s.view().image(order, from, rows, scale));
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("image/png").result(png);
  }

  /** The newest checkpoint, re-read when its time or size changed; null when there is none. */
  private synchronized Snapshot snapshot() throws IOException {
    Path file = dir.resolve(SoupView.CHECKPOINT);
    if (!Files.isRegularFile(file)) {
      current = null;
      return null;
    }
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    Object key = List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()));
    if (current != null && current.key().equals(key)) {
      return current;
    }
    try {
      SoupView view = SoupView.open(dir).orElse(null);
      current = view == null ? null : new Snapshot(key, view, view.top(TOP));
    } catch (IllegalArgumentException e) {
      if (current == null) {
        throw new ApiError(409, e.getMessage());
      }
      // keep showing the last good soup while the file is being replaced
    }
    return current;
  }
}
